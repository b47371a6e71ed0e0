-- 银龄卫士 silver guardian: devices bound to elders, gateways with hashed API keys, every reading accounted for
-- (stored, dropped as a duplicate of device+seq, or rejected with a reason), safe zones, detector timers that survive
-- a restart, and alerts — one per incident — with their history.
create schema if not exists guardian;

create table guardian.gateway (
    id          bigserial    primary key,
    name        varchar(100) not null,
    -- the first characters of the key find the row; only a SHA-256 of the whole key is kept
    key_prefix  varchar(12)  not null unique,
    key_hash    bytea        not null,
    created_at  timestamptz  not null default now(),
    created_by  varchar(100) not null,
    revoked_at  timestamptz
);

create table guardian.device (
    device_id      varchar(64)  primary key,
    type           varchar(20)  not null check (type in ('GPS_WATCH', 'GPS_BADGE', 'DOOR_SENSOR', 'WATER_METER',
                       'POWER_METER', 'MOTION_SENSOR', 'SMOKE_DETECTOR', 'SOS_BUTTON', 'FALL_DETECTOR')),
    person_id      bigint       not null,
    division_code  varchar(12)  not null,
    registered_at  timestamptz  not null default now(),
    registered_by  varchar(100) not null,
    last_seen_at   timestamptz,
    battery        numeric(5, 2),
    offline        boolean      not null default false
);
create index device_person on guardian.device (person_id);

create table guardian.safe_zone (
    id            bigserial     primary key,
    person_id     bigint        not null,
    name          varchar(100)  not null,
    lat           numeric(9, 6) not null check (lat between -90 and 90),
    lon           numeric(9, 6) not null check (lon between -180 and 180),
    radius_meters integer       not null check (radius_meters between 10 and 50000),
    created_at    timestamptz   not null default now(),
    created_by    varchar(100)  not null
);
create index safe_zone_person on guardian.safe_zone (person_id);

create table guardian.reading (
    id          bigserial      primary key,
    device_id   varchar(64)    not null,
    seq         bigint         not null,
    type        varchar(20)    not null,
    at          timestamptz    not null,
    lat         numeric(9, 6),
    lon         numeric(9, 6),
    value       numeric(14, 4),
    received_at timestamptz    not null default now(),
    unique (device_id, seq)
);
create index reading_device_at on guardian.reading (device_id, at);

-- one row per batch received (HTTP or MQTT): accepted + duplicates + rejected = readings in the batch
create table guardian.ingest_batch (
    id          bigserial    primary key,
    channel     varchar(10)  not null check (channel in ('HTTP', 'MQTT')),
    gateway_id  bigint,
    received_at timestamptz  not null default now(),
    readings    integer      not null,
    accepted    integer      not null,
    duplicates  integer      not null,
    rejected    integer      not null,
    check (accepted + duplicates + rejected = readings)
);

create table guardian.rejected_reading (
    batch_id  bigint       not null references guardian.ingest_batch (id),
    index     integer      not null,
    device_id varchar(64),
    reason    varchar(200) not null,
    primary key (batch_id, index)
);

-- timers of the detectors (home inactivity, device offline): one per key, moved forward by activity, fired once
create table guardian.detector_timer (
    timer_key  varchar(100) primary key,
    person_id  bigint       not null,
    kind       varchar(30)  not null,
    due_at     timestamptz  not null,
    context    varchar(200) not null default ''
);
create index detector_timer_due on guardian.detector_timer (due_at);

create table guardian.alert (
    id                bigserial    primary key,
    person_id         bigint       not null,
    division_code     varchar(12)  not null,
    type              varchar(20)  not null check (type in ('WANDERING', 'HOME_INACTIVITY', 'SOS', 'FALL', 'FRAUD',
                          'DEVICE_OFFLINE')),
    status            varchar(20)  not null check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'FALSE_ALARM')),
    opened_at         timestamptz  not null,
    last_triggered_at timestamptz  not null,
    trigger_count     integer      not null default 1,
    details           varchar(500) not null default '',
    closed_at         timestamptz,
    version           integer      not null default 0
);
-- one open incident per elder and type: repeated triggers update it instead of opening another
create unique index alert_one_open on guardian.alert (person_id, type) where status in ('OPEN', 'ACKNOWLEDGED');
create index alert_status on guardian.alert (status, opened_at desc);

create table guardian.alert_event (
    id        bigserial    primary key,
    alert_id  bigint       not null references guardian.alert (id),
    at        timestamptz  not null default now(),
    actor     varchar(100) not null,
    action    varchar(20)  not null,
    note      varchar(500) not null default ''
);
create index alert_event_alert on guardian.alert_event (alert_id, id);
