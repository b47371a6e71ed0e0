-- 爱心卡 love card: one card per elder in a pilot area, its money held in the ledger as one account per funding source
-- (lovecard:<personId>:<SOURCE>). These tables keep what the ledger does not: who gave what with which reference, how
-- each service payment was split over the sources, and the allocations. Amounts in yuan.
create schema if not exists lovecard;

create table lovecard.card (
    person_id     bigint       primary key,
    division_code varchar(12)  not null,
    opened_at     timestamptz  not null default now(),
    opened_by     varchar(100) not null
);
create index card_division on lovecard.card (division_code);

create table lovecard.allocation (
    id              bigserial      primary key,
    idempotency_key varchar(200)   not null unique,
    source          varchar(20)    not null check (source in ('GOVERNMENT', 'COLLECTIVE', 'DONATION', 'FAMILY')),
    amount_per_card numeric(12, 2) not null check (amount_per_card > 0),
    division_code   varchar(12)    not null,
    reference       varchar(200)   not null,
    donor           varchar(100),
    cards           integer        not null,
    total           numeric(14, 2) not null,
    created_at      timestamptz    not null default now(),
    created_by      varchar(100)   not null
);

create table lovecard.top_up (
    id              bigserial      primary key,
    person_id       bigint         not null references lovecard.card (person_id),
    source          varchar(20)    not null check (source in ('GOVERNMENT', 'COLLECTIVE', 'DONATION', 'FAMILY')),
    amount          numeric(12, 2) not null check (amount > 0),
    reference       varchar(200)   not null,
    donor           varchar(100),
    idempotency_key varchar(200)   not null unique,
    allocation_id   bigint         references lovecard.allocation (id),
    ledger_tx       bigint         not null,
    created_at      timestamptz    not null default now(),
    created_by      varchar(100)   not null,
    check (source <> 'DONATION' or donor is not null)
);
create index top_up_person on lovecard.top_up (person_id, id);

create table lovecard.payment (
    order_id      bigint         primary key,
    person_id     bigint         not null references lovecard.card (person_id),
    division_code varchar(12)    not null,
    category      varchar(20)    not null,
    item_code     varchar(40)    not null,
    price         numeric(12, 2) not null check (price >= 0),
    card_paid     numeric(12, 2) not null check (card_paid >= 0),
    self_pay      numeric(12, 2) not null check (self_pay >= 0),
    rule          varchar(20)    not null,
    ledger_tx     bigint,
    paid_at       timestamptz    not null default now(),
    refund_tx     bigint,
    refunded_at   timestamptz,
    check (card_paid + self_pay = price),
    check ((card_paid = 0) = (ledger_tx is null))
);
create index payment_person on lovecard.payment (person_id);

create table lovecard.payment_part (
    order_id bigint         not null references lovecard.payment (order_id),
    source   varchar(20)    not null check (source in ('GOVERNMENT', 'COLLECTIVE', 'DONATION', 'FAMILY')),
    amount   numeric(12, 2) not null check (amount > 0),
    primary key (order_id, source)
);
