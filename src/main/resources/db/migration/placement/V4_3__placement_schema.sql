-- Placement (安置): elders in institution beds or family care beds (家庭养老照护床位), infants in childcare classes.
-- People, institutions, providers and classes are other modules' rows, referenced by id only. Periods are never
-- deleted: a discharge or transfer closes a period (to_date) and a transfer opens the next one (previous_id).
create schema if not exists placement;

create table placement.placement (
    id             bigserial    primary key,
    person_id      bigint       not null,
    kind           varchar(20)  not null check (kind in ('INSTITUTION', 'FAMILY_BED')),
    -- the institution whose bed it is, or for a family bed the supervising institution
    institution_id bigint       not null,
    division_code  varchar(12)  not null,
    bed_type       varchar(20)  check (bed_type in ('NURSING', 'ASSISTED')),
    from_date      date         not null,
    to_date        date,
    end_reason     varchar(200),
    previous_id    bigint       references placement.placement (id),
    created_at     timestamptz  not null default now(),
    created_by     varchar(100) not null,
    check (kind = 'FAMILY_BED' or bed_type is not null),
    check (to_date is null or to_date >= from_date)
);
-- a person holds at most one current bed, in an institution or at home
create unique index placement_one_current on placement.placement (person_id) where to_date is null;
create index placement_current_beds on placement.placement (institution_id, bed_type) where to_date is null;

-- carers assigned to a childcare class: the ratio rule needs them; a class without a record takes no enrolments
create table placement.class_carers (
    class_id   bigint       primary key,
    carers     integer      not null check (carers >= 0),
    updated_at timestamptz  not null default now(),
    updated_by varchar(100) not null
);

create table placement.enrolment (
    id            bigserial    primary key,
    person_id     bigint       not null,
    provider_id   bigint       not null,
    class_id      bigint       not null,
    division_code varchar(12)  not null,
    from_date     date         not null,
    to_date       date,
    created_at    timestamptz  not null default now(),
    created_by    varchar(100) not null,
    check (to_date is null or to_date >= from_date)
);
create unique index enrolment_one_current on placement.enrolment (person_id) where to_date is null;
create index enrolment_current_class on placement.enrolment (class_id) where to_date is null;
create index enrolment_current_provider on placement.enrolment (provider_id) where to_date is null;
