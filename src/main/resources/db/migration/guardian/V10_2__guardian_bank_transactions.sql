-- Transactions from partner banks for fraud detection (read-only feed; the bank keeps the money), deduplicated by the
-- bank's account reference + sequence, and the list of counterparties known to the police as fraudulent.
create table guardian.bank_transaction (
    id           bigserial      primary key,
    person_id    bigint         not null,
    account_ref  varchar(64)    not null,
    seq          bigint         not null,
    amount       numeric(14, 2) not null check (amount > 0),
    counterparty varchar(100)   not null,
    channel      varchar(20)    not null,
    at           timestamptz    not null,
    gateway_id   bigint,
    received_at  timestamptz    not null default now(),
    unique (account_ref, seq)
);
create index bank_transaction_person_at on guardian.bank_transaction (person_id, at);

create table guardian.fraud_counterparty (
    counterparty varchar(100) primary key,
    reason       varchar(200) not null,
    added_at     timestamptz  not null default now(),
    added_by     varchar(100) not null
);
