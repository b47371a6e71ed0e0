-- Notifications (通知): an outbox. A module records a message in its own transaction (so it is sent only if the
-- change that caused it commits, and never twice: unique idempotency key); a dispatcher sends pending messages through
-- the channel (SMS gateway, webhook, in-app) with retries and back-off, and keeps the outcome.
create schema if not exists notifications;

create table notifications.message (
    id               bigserial     primary key,
    channel          varchar(10)   not null check (channel in ('SMS', 'WEBHOOK', 'IN_APP')),
    recipient        varchar(200)  not null,
    subject          varchar(200)  not null,
    body             varchar(1000) not null,
    reference        varchar(100)  not null default '',
    idempotency_key  varchar(200)  not null unique,
    status           varchar(10)   not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts         integer       not null default 0,
    last_error       varchar(300),
    next_attempt_at  timestamptz   not null default now(),
    created_at       timestamptz   not null default now(),
    sent_at          timestamptz
);
create index message_pending on notifications.message (next_attempt_at) where status = 'PENDING';
create index message_in_app on notifications.message (recipient, created_at desc) where channel = 'IN_APP';
