-- Issue 19: gateways and devices managed from the pages. A gateway's key can be rotated (the row keeps its id, so
-- readings stay attributed; the old key stops working at once) or revoked. A device unbound from an elder leaves the
-- device table (so the same serial can be bound again) and is kept here, with who bound and unbound it.
alter table guardian.gateway add column rotated_at timestamptz;
alter table guardian.gateway add column rotated_by varchar(100);
alter table guardian.gateway add column revoked_by varchar(100);

create table guardian.device_unbound (
    id             bigserial    primary key,
    device_id      varchar(64)  not null,
    type           varchar(20)  not null,
    person_id      bigint       not null,
    division_code  varchar(12)  not null,
    registered_at  timestamptz  not null,
    registered_by  varchar(100) not null,
    unbound_at     timestamptz  not null default now(),
    unbound_by     varchar(100) not null
);
create index device_unbound_person on guardian.device_unbound (person_id);
