-- Ledger (账本): double-entry bookkeeping for money (CNY, 2 decimals) and service hours (HOUR) — the love card's
-- wallets now, the time bank's hour accounts later. A transaction is a set of postings whose amounts sum to zero
-- (checked at commit by a deferred constraint trigger); an account's balance is the sum of its postings, cached on the
-- account row in the same transaction and guarded by a check, so no account goes negative unless it is allowed to.
-- Nothing is updated or deleted: a mistake is corrected by a reversing transaction.
create schema if not exists ledger;

create table ledger.account (
    id             bigserial     primary key,
    code           varchar(120)  not null unique,
    unit           varchar(10)   not null check (unit in ('CNY', 'HOUR')),
    allow_negative boolean       not null,
    balance        numeric(18, 2) not null default 0,
    opened_at      timestamptz   not null default now(),
    check (allow_negative or balance >= 0)
);

create table ledger.transaction (
    id               bigserial    primary key,
    idempotency_key  varchar(200) not null unique,
    kind             varchar(40)  not null,
    description      varchar(500) not null default '',
    -- a fingerprint of the postings, so a replayed key with different content is refused instead of ignored
    fingerprint      varchar(64)  not null,
    reverses_id      bigint       unique references ledger.transaction (id),
    posted_at        timestamptz  not null default now(),
    posted_by        varchar(100) not null
);

create table ledger.posting (
    id             bigserial      primary key,
    transaction_id bigint         not null references ledger.transaction (id),
    account_id     bigint         not null references ledger.account (id),
    amount         numeric(18, 2) not null check (amount <> 0),
    balance_after  numeric(18, 2) not null
);
create index posting_account on ledger.posting (account_id, id);
create index posting_transaction on ledger.posting (transaction_id);

create function ledger.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'ledger rows are never changed or deleted; post a reversing transaction';
end $$;
create trigger transaction_append_only before update or delete on ledger.transaction
    for each row execute function ledger.refuse_change();
create trigger posting_append_only before update or delete on ledger.posting
    for each row execute function ledger.refuse_change();

-- every transaction balances: checked once per transaction at commit, after all its postings are in
create function ledger.check_balanced() returns trigger language plpgsql as $$
declare
    total numeric;
    units integer;
begin
    select coalesce(sum(p.amount), 0), count(distinct a.unit) into total, units
    from ledger.posting p join ledger.account a on a.id = p.account_id
    where p.transaction_id = new.transaction_id;
    if total <> 0 then
        raise exception 'ledger transaction % does not balance: postings sum to %', new.transaction_id, total;
    end if;
    if units > 1 then
        raise exception 'ledger transaction % mixes units', new.transaction_id;
    end if;
    return null;
end $$;
create constraint trigger posting_balanced after insert on ledger.posting
    deferrable initially deferred for each row execute function ledger.check_balanced();
