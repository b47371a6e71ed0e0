-- Issue 19: which institution an INSTITUTION_OPERATOR account runs (decision 0040). Keyed by the account's username:
-- one account runs one institution; an institution may have several operator accounts. Assigned by facility managers
-- on the institution's page; the account itself stays in identity, untouched.
create table facilities.institution_operator (
    username       varchar(100) primary key,
    institution_id bigint       not null references facilities.institution (id),
    assigned_at    timestamptz  not null default now(),
    assigned_by    varchar(100) not null
);
create index institution_operator_institution on facilities.institution_operator (institution_id);
