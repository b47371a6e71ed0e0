-- The account a person's subsidies are paid into (社保卡, 惠民惠农一卡通 or a bank account): encrypted at rest like
-- the ID number, with a masked copy for every page; kept beside the person so a person row and its version stay as
-- they were.
create table registry.payee_account (
    person_id     bigint       primary key references registry.person (id) on delete cascade,
    kind          varchar(30)  not null check (kind in ('SOCIAL_SECURITY_CARD', 'ONE_CARD', 'BANK_ACCOUNT')),
    bank_name     varchar(60),
    number_cipher bytea        not null,
    number_masked varchar(40)  not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(100) not null
);
