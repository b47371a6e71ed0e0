-- Assessment (能力评估): elderly capability assessments to GB/T 42195-2022. People are the registry's rows,
-- referenced by id only. Assessments are never changed or deleted: a new assessment supersedes the earlier ones.
-- The items and their maxima are reference data read from reference/assessment/gbt-42195-2022-items.csv.
create schema if not exists assessment;

create table assessment.assessment (
    id              bigserial    primary key,
    person_id       bigint       not null,
    division_code   varchar(12)  not null,
    scheme          varchar(30)  not null default 'GB/T 42195-2022',
    assessed_on     date         not null,
    reason          varchar(30)  not null
                    check (reason in ('FIRST', 'PERIODIC', 'CHANGE_OF_CONDITION', 'DISPUTE_REVIEW')),
    place           varchar(200) not null,
    assessors       varchar(500) not null,
    coma            boolean      not null,
    diagnoses       varchar(500) not null default '',
    risk_events     integer      not null check (risk_events >= 0),
    subtotal_b1     integer      not null,
    subtotal_b2     integer      not null,
    subtotal_b3     integer      not null,
    subtotal_b4     integer      not null,
    total_score     integer      not null check (total_score between 0 and 90),
    initial_level   integer      not null check (initial_level between 0 and 4),
    final_level     integer      not null check (final_level between 0 and 4),
    changes         varchar(200) not null default '',
    created_at      timestamptz  not null default now(),
    created_by      varchar(100) not null
);
create index assessment_person on assessment.assessment (person_id, assessed_on desc, id desc);
create index assessment_division on assessment.assessment (division_code);

create table assessment.item_score (
    assessment_id bigint      not null references assessment.assessment (id),
    item_code     varchar(10) not null,
    score         integer     not null check (score >= 0),
    primary key (assessment_id, item_code)
);
