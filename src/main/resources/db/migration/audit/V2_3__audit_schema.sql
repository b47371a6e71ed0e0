-- Audit trail (审计): append-only and hash-chained. Each row carries the SHA-256 of its predecessor, so a changed
-- or deleted row breaks the chain. The trigger stops ordinary updates and deletes; the chain reveals the rest.
create schema if not exists audit;

create table audit.audit_event (
    id             bigint       primary key,
    at             timestamptz  not null,
    actor          varchar(100) not null,
    type           varchar(60)  not null,
    target         varchar(300),
    outcome        varchar(20)  not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    detail         text,
    remote_address varchar(64),
    prev_hash      char(64)     not null,
    hash           char(64)     not null
);
create sequence audit.audit_event_id_seq;
create index audit_event_at on audit.audit_event (at);
create index audit_event_actor on audit.audit_event (actor, at);
create index audit_event_type on audit.audit_event (type, at);

create function audit.reject_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only (% refused)', tg_op;
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit.audit_event
    for each row execute function audit.reject_change();

create trigger audit_event_no_truncate
    before truncate on audit.audit_event
    for each statement execute function audit.reject_change();
