-- Data exchange (数据交换): inbound feeds from household registration, social assistance, health and social insurance,
-- the review queue of records that matched nobody, and the outbox to the province platform (浙里康养).
create schema if not exists exchange;

-- One delivery of a feed: a JSON array over the API or an uploaded CSV/xlsx file, with what became of its records.
create table exchange.feed_load (
    id           bigserial    primary key,
    feed         varchar(20)  not null check (feed in ('household', 'assistance', 'health', 'insurance')),
    channel      varchar(10)  not null check (channel in ('API', 'FILE')),
    file_name    varchar(200),
    received_at  timestamptz  not null,
    received_by  varchar(100) not null,
    total        integer      not null default 0,
    accepted     integer      not null default 0,
    duplicates   integer      not null default 0,
    rejected     integer      not null default 0,
    queued       integer      not null default 0
);

-- Every accepted source record, once per (feed, record_id): the same record again is a duplicate and changes nothing.
-- The ID number is kept as the registry keeps it: encrypted, with its blind index, shown masked. Every change a
-- record caused names it (audit detail "source=feed-record:<id>"), so each change is traceable to this row.
create table exchange.feed_record (
    id               bigserial    primary key,
    load_id          bigint       not null references exchange.feed_load (id),
    feed             varchar(20)  not null,
    record_id        varchar(100) not null,
    type             varchar(30)  not null,
    id_number_cipher bytea        not null,
    id_number_index  bytea        not null,
    id_number_masked varchar(18)  not null,
    effective_date   date         not null,
    payload          jsonb        not null,
    status           varchar(12)  not null check (status in ('APPLIED', 'NO_CHANGE', 'QUEUED', 'RESOLVED', 'DISMISSED')),
    person_id        bigint,
    outcome          varchar(60)  not null,
    review_reason    varchar(60),
    resolved_by      varchar(100),
    resolved_at      timestamptz,
    resolution_note  varchar(500),
    created_at       timestamptz  not null,
    unique (feed, record_id)
);
create index feed_record_person on exchange.feed_record (person_id, effective_date);
create index feed_record_queued on exchange.feed_record (created_at) where status = 'QUEUED';
create index feed_record_health on exchange.feed_record (type, effective_date) where feed = 'health';

-- Records refused with the reason (a message key and its arguments); not stored as feed records, so a corrected record
-- with the same record id can be sent again.
create table exchange.feed_rejection (
    id          bigserial    primary key,
    load_id     bigint       not null references exchange.feed_load (id),
    idx         integer      not null,
    record_id   varchar(100),
    reason      varchar(100) not null,
    reason_args varchar(300)
);
create index feed_rejection_load on exchange.feed_rejection (load_id, idx);

-- The outbox to the province platform: a payload is recorded once per idempotency key (kind, period and part), so
-- the same snapshot is never queued twice; the dispatcher delivers it with retries and keeps the outcome.
create table exchange.province_outbox (
    id              bigserial    primary key,
    kind            varchar(20)  not null check (kind in ('ELDERS', 'INSTITUTIONS', 'VISITS', 'INDICATORS',
                                                           'SERVICES')),
    idempotency_key varchar(200) not null unique,
    period          varchar(20)  not null,
    payload         text         not null,
    payload_sha256  varchar(64)  not null,
    item_count      integer      not null,
    status          varchar(10)  not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer      not null default 0,
    last_error      varchar(300),
    next_attempt_at timestamptz  not null,
    created_at      timestamptz  not null,
    delivered_at    timestamptz
);
create index province_outbox_pending on exchange.province_outbox (next_attempt_at) where status = 'PENDING';
