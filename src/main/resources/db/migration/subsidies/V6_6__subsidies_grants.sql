-- One-time subsidies (一次性补助): the construction subsidy of a private care institution (方案四（二）) and the slot
-- subsidy of a childcare provider (方案四（五）1) are granted once per subject on application, not paid monthly.
-- An application keeps the quote it was computed from (lines, reasons, facts, parameters with their references) as
-- approved; maker-checker as for runs (decision 0037).
create table subsidies.grant_application (
    id             bigserial     primary key,
    programme      varchar(40)   not null
                   check (programme in ('INSTITUTION_CONSTRUCTION', 'CHILDCARE_SLOT_CONSTRUCTION')),
    subject_type   varchar(12)   not null check (subject_type in ('INSTITUTION', 'PROVIDER')),
    subject_id     bigint        not null,
    subject_name   varchar(200)  not null,
    division_code  varchar(12)   not null,
    township_code  varchar(12)   not null,
    as_of          date          not null,
    amount         numeric(14,2) not null check (amount > 0),
    quote          jsonb         not null,
    status         varchar(12)   not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    prepared_by    varchar(100)  not null,
    prepared_at    timestamptz   not null,
    decided_by     varchar(100),
    decided_at     timestamptz,
    decision_note  varchar(500),
    check (decided_by is null or decided_by <> prepared_by),
    check ((status = 'PENDING') = (decided_by is null))
);
-- once per subject and programme: a rejected application may be made again, a pending or approved one not
create unique index grant_application_once on subsidies.grant_application (programme, subject_id)
    where status <> 'REJECTED';
create index grant_application_status on subsidies.grant_application (status, division_code);
