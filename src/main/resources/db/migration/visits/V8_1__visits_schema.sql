-- Visits (探访关爱): the monthly target population of special-difficulty elders, the visit plans (tasks) assigned to
-- visitors by village, the visits recorded in the field with their findings and photos. People are the registry's
-- rows, referenced by id only; the registry and assessment are read through their published views (decision 0010).
create schema if not exists visits;

-- Dated parameters of the visit policy (decision 0019): the row in force for a month is the latest whose
-- effective_from is on or before the month's first day. Kept here until the policy module (issue 6) can own them.
create table visits.cadence_parameters (
    effective_from          date         primary key,
    disability_min_level    integer      not null check (disability_min_level between 1 and 4),
    high_risk_min_level     integer      not null check (high_risk_min_level between 1 and 4),
    high_risk_interval_days integer      not null check (high_risk_interval_days between 1 and 31),
    event_follow_up_hours   integer      not null check (event_follow_up_hours between 1 and 240),
    lag_threshold_percent   numeric(5,2) not null check (lag_threshold_percent between 0 and 100),
    reference               varchar(500) not null
);
insert into visits.cadence_parameters values
    ('2022-01-01', 1, 3, 7, 24, 80.00,
     '青民〔2022〕102号: monthly visits for every special-difficulty elder; standards.md §7: high-risk weekly and '
     || 'within 24 h of a major event. 失能 = GB/T 42195-2022 level ≥ 1 (轻度失能) and high risk = level ≥ 3: '
     || 'provisional, decision 0019.');

-- Manual additions, removals and high-risk flags, each with a reason, effective from a month until revoked.
create table visits.target_override (
    id          bigserial    primary key,
    person_id   bigint       not null,
    kind        varchar(20)  not null check (kind in ('ADD', 'REMOVE', 'HIGH_RISK')),
    reason      varchar(500) not null check (length(trim(reason)) > 0),
    from_month  date         not null check (extract(day from from_month) = 1),
    created_at  timestamptz  not null,
    created_by  varchar(100) not null,
    revoked_at  timestamptz,
    revoked_by  varchar(100),
    revoke_reason varchar(500)
);
create index target_override_person on visits.target_override (person_id);

-- The target population of a month, recomputed (deleted and inserted again) by the rule and the overrides.
create table visits.target (
    month          date         not null check (extract(day from month) = 1),
    person_id      bigint       not null,
    division_code  varchar(12)  not null,
    township_code  varchar(12)  not null,
    reasons        varchar(40)[] not null,
    tier           varchar(10)  not null check (tier in ('STANDARD', 'HIGH')),
    computed_at    timestamptz  not null,
    primary key (month, person_id)
);
create index target_division on visits.target (month, division_code);

-- What changed against the previous month's population, listed for the supervisor.
create table visits.target_change (
    month      date          not null,
    person_id  bigint        not null,
    change     varchar(10)   not null check (change in ('ADDED', 'REMOVED')),
    reasons    varchar(40)[] not null,
    division_code varchar(12) not null,
    primary key (month, person_id)
);

-- Who visits the elders of a village by default.
create table visits.village_visitor (
    village_code varchar(12)  primary key,
    visitor      varchar(100) not null,
    assigned_at  timestamptz  not null,
    assigned_by  varchar(100) not null
);

-- A planned visit: one per month (standard), one per interval (high risk) or one after a major event.
create table visits.task (
    id            bigserial    primary key,
    month         date         not null,
    person_id     bigint       not null,
    division_code varchar(12)  not null,
    kind          varchar(12)  not null check (kind in ('MONTHLY', 'HIGH_RISK', 'FOLLOW_UP')),
    seq           integer      not null,
    due_at        timestamptz  not null,
    visitor       varchar(100),
    status        varchar(10)  not null default 'OPEN' check (status in ('OPEN', 'DONE', 'CANCELLED')),
    trigger_event bigint,
    visit_id      bigint,
    created_at    timestamptz  not null,
    unique (month, person_id, kind, seq)
);
create index task_visitor_open on visits.task (visitor, status, due_at);
create index task_division on visits.task (month, division_code);
create index task_person on visits.task (person_id, status);

-- A major event (hospital discharge, bereavement, alert) that asks for a visit within the follow-up hours.
create table visits.major_event (
    id            bigserial    primary key,
    person_id     bigint       not null,
    kind          varchar(30)  not null check (kind in ('HOSPITAL_DISCHARGE', 'BEREAVEMENT', 'ALERT')),
    occurred_at   timestamptz  not null,
    note          varchar(500),
    created_at    timestamptz  not null,
    created_by    varchar(100) not null
);

create table visits.visit (
    id                 bigserial    primary key,
    idempotency_key    varchar(100) not null unique,
    person_id          bigint       not null,
    division_code      varchar(12)  not null,
    visited_at         timestamptz  not null,
    visited_month      date         not null,
    mode               varchar(10)  not null check (mode in ('HOME', 'PHONE', 'VIDEO')),
    with_family_abroad boolean      not null default false,
    duration_minutes   integer      check (duration_minutes between 0 and 1440),
    latitude           numeric(9,6),
    longitude          numeric(9,6),
    location_accuracy_m integer,
    findings           jsonb        not null,
    note               varchar(2000),
    visitor            varchar(100) not null,
    task_id            bigint,
    created_at         timestamptz  not null
);
create index visit_person on visits.visit (person_id, visited_at desc);
create index visit_month_person on visits.visit (visited_month, person_id);

-- Findings that raised a service need or an urgent alert, for follow-up lists; also published as events.
create table visits.raised_finding (
    id            bigserial    primary key,
    visit_id      bigint       not null references visits.visit (id),
    person_id     bigint       not null,
    division_code varchar(12)  not null,
    area          varchar(20)  not null,
    kind          varchar(20)  not null check (kind in ('SERVICE_NEED', 'URGENT_ALERT')),
    service       varchar(20),
    note          varchar(500),
    raised_at     timestamptz  not null
);

-- Photos are sensitive personal data: kept in the database, read only through the module with an audit record.
create table visits.photo (
    id            bigserial    primary key,
    visit_id      bigint       not null references visits.visit (id),
    content_type  varchar(50)  not null,
    size_bytes    integer      not null,
    content       bytea        not null,
    created_at    timestamptz  not null,
    created_by    varchar(100) not null
);
create index photo_visit on visits.photo (visit_id);

-- Published read model (decision 0010) for indicator I07: each target elder of each month, where they live, and
-- whether a visit was recorded in that month. Roll-ups are counts over a division subtree, never averages of rates.
create view visits.published_monthly_target as
select t.month,
       t.person_id,
       t.division_code,
       t.township_code,
       t.tier,
       exists (select 1 from visits.visit v where v.person_id = t.person_id and v.visited_month = t.month)
           as visited
from visits.target t;
