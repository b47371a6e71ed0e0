-- Subsidies (补贴): monthly runs of a programme, their lines (each with its explanation as JSON), the dynamic
-- management change list against the previous month, and adjustment lines for months already approved.
-- A run's lines are replaced in the same transaction that computes them, so a run stopped midway leaves either the
-- previous complete set of lines or none (decision 0013).
create schema if not exists subsidies;

create table subsidies.run (
    id           bigserial    primary key,
    programme    varchar(40)  not null,
    month        date         not null check (extract(day from month) = 1),
    status       varchar(20)  not null
                 check (status in ('QUEUED', 'RUNNING', 'DRAFT', 'APPROVED', 'FAILED', 'INTERRUPTED', 'STALE')),
    progress     integer      not null default 0 check (progress between 0 and 100),
    line_count   integer      not null default 0,
    total        numeric(16,2) not null default 0,
    previous_run_id bigint    references subsidies.run (id),
    parameters   jsonb,
    failure      text,
    attempts     integer      not null default 0,
    prepared_by  varchar(100) not null,
    prepared_at  timestamptz  not null,
    computed_at  timestamptz,
    duration_ms  bigint,
    approved_by  varchar(100),
    approved_at  timestamptz,
    unique (programme, month),
    check (status <> 'APPROVED' or (approved_by is not null and approved_by <> prepared_by))
);

create table subsidies.run_line (
    id               bigserial     primary key,
    run_id           bigint        not null references subsidies.run (id),
    -- REGULAR: the month's entitlement; ARREARS / RECOVERY: a correction of an approved earlier month (for_month)
    kind             varchar(10)   not null check (kind in ('REGULAR', 'ARREARS', 'RECOVERY')),
    for_month        date          not null,
    subject_type     varchar(12)   not null check (subject_type in ('PERSON', 'INSTITUTION', 'PROVIDER')),
    subject_id       bigint        not null,
    division_code    varchar(12)   not null,
    township_code    varchar(12)   not null,
    name             varchar(200)  not null,
    id_number_masked varchar(18),
    amount           numeric(12,2) not null,
    explanation      jsonb         not null
);
create index run_line_run_subject on subsidies.run_line (run_id, subject_type, subject_id);
create index run_line_run_township on subsidies.run_line (run_id, township_code);

create table subsidies.run_change (
    id            bigserial    primary key,
    run_id        bigint       not null references subsidies.run (id),
    change        varchar(10)  not null check (change in ('ADDED', 'REMOVED')),
    subject_type  varchar(12)  not null,
    subject_id    bigint       not null,
    name          varchar(200) not null,
    division_code varchar(12)  not null,
    township_code varchar(12)  not null,
    reason        varchar(40)  not null,
    detail        jsonb
);
create index run_change_run on subsidies.run_change (run_id, change);
