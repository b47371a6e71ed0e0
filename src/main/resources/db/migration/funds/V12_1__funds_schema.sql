-- 资金监管 supervision of institutions' prepaid funds (decision 0027). The custody account mirrors an account at a
-- bank: its balance is what the bank reports, so this module keeps its own movement history (with the balance after
-- each movement) rather than booking into the platform's ledger. Amounts in yuan.
create schema if not exists funds;

create table funds.custody_account (
    id                     bigserial      primary key,
    institution_id         bigint         not null unique,
    bank                   varchar(100)   not null,
    account_number_cipher  bytea          not null,
    account_number_masked  varchar(40)    not null,
    minimum_ratio          numeric(6, 4)  not null check (minimum_ratio >= 0 and minimum_ratio <= 1),
    balance                numeric(16, 2) not null default 0,
    created_at             timestamptz    not null default now(),
    created_by             varchar(100)   not null
);

-- The institution's own accounts that normal outflows may go to (operating account, payroll, suppliers' accounts the
-- bureau approved). Business accounts, not personal data: stored in clear so that the rule can compare them.
create table funds.designated_account (
    id                 bigserial    primary key,
    custody_account_id bigint       not null references funds.custody_account (id),
    account_number     varchar(40)  not null,
    label              varchar(100) not null,
    created_at         timestamptz  not null default now(),
    created_by         varchar(100) not null,
    unique (custody_account_id, account_number)
);

create table funds.obligation (
    id                 bigserial      primary key,
    custody_account_id bigint         not null references funds.custody_account (id),
    person_id          bigint         not null,
    kind               varchar(20)    not null check (kind in ('DEPOSIT', 'MEMBERSHIP', 'PREPAID_FEE')),
    amount             numeric(14, 2) not null check (amount > 0),
    -- [{"due":"2026-12-31","amount":1000.00}, ...]: when the institution owes the money back
    refund_schedule    jsonb          not null default '[]',
    created_at         timestamptz    not null default now(),
    created_by         varchar(100)   not null
);
create index obligation_account on funds.obligation (custody_account_id);

create table funds.movement (
    id                   bigserial      primary key,
    custody_account_id   bigint         not null references funds.custody_account (id),
    bank_ref             varchar(100)   not null,
    at                   timestamptz    not null,
    amount               numeric(14, 2) not null check (amount > 0),
    direction            varchar(3)     not null check (direction in ('IN', 'OUT')),
    counterparty_account varchar(40),
    purpose              varchar(200),
    refund               boolean        not null,
    balance_after        numeric(16, 2) not null,
    source               varchar(10)    not null check (source in ('API', 'CSV', 'XLSX')),
    received_at          timestamptz    not null default now(),
    received_by          varchar(100)   not null,
    unique (custody_account_id, bank_ref)
);
create index movement_account_time on funds.movement (custody_account_id, at, id);

-- A hold blocks every outflow but refunds from effective_from (the event time of the movement that caused it, or the
-- time an official placed it) until released_at. placed_by is null for a hold the rules placed (decision 0028).
create table funds.hold (
    id                 bigserial    primary key,
    custody_account_id bigint       not null references funds.custody_account (id),
    effective_from     timestamptz  not null,
    placed_at          timestamptz  not null,
    placed_by          varchar(100),
    reason             varchar(500) not null,
    released_at        timestamptz,
    released_by        varchar(100),
    release_reason     varchar(500),
    check ((released_at is null) = (released_by is null)),
    check (released_by is null or placed_by is null or released_by <> placed_by)
);
create unique index hold_one_active on funds.hold (custody_account_id) where released_at is null;

create table funds.alert (
    id                 bigserial      primary key,
    custody_account_id bigint         not null references funds.custody_account (id),
    kind               varchar(20)    not null check (kind in ('BELOW_MINIMUM', 'LARGE_OUTFLOW', 'NON_DESIGNATED',
                                                               'STRUCTURING', 'HOLD_VIOLATION', 'MANUAL_HOLD')),
    status             varchar(20)    not null check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    movement_id        bigint         references funds.movement (id),
    hold_id            bigint         references funds.hold (id),
    balance            numeric(16, 2),
    required_minimum   numeric(16, 2),
    amount             numeric(14, 2),
    raised_at          timestamptz    not null,
    event_at           timestamptz    not null,
    acknowledged_by    varchar(100),
    acknowledged_at    timestamptz,
    resolved_by        varchar(100),
    resolved_at        timestamptz,
    resolution         varchar(500)
);
create index alert_status on funds.alert (status, raised_at);
create index alert_account on funds.alert (custody_account_id, id);

-- The notice that tells the institution to top the account up to its required minimum.
create table funds.top_up_notice (
    id                 bigserial      primary key,
    custody_account_id bigint         not null references funds.custody_account (id),
    alert_id           bigint         not null references funds.alert (id),
    shortfall          numeric(16, 2) not null check (shortfall > 0),
    required_minimum   numeric(16, 2) not null,
    balance            numeric(16, 2) not null,
    issued_at          timestamptz    not null
);

create table funds.statement_import (
    id                 bigserial    primary key,
    custody_account_id bigint       not null references funds.custody_account (id),
    file_name          varchar(255) not null,
    format             varchar(10)  not null,
    rows               integer      not null,
    accepted           integer      not null,
    duplicates         integer      not null,
    imported_at        timestamptz  not null,
    imported_by        varchar(100) not null
);
