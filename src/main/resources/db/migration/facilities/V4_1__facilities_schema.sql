-- Facilities (养老机构、社区照料设施、托育机构) and their staff. Divisions are referenced by code only: the tree is
-- another module's schema. Demo rows carry synthetic = true.
create schema if not exists facilities;

create table facilities.institution (
    id                   bigserial primary key,
    name                 varchar(100) not null check (length(trim(name)) > 0),
    division_code        varchar(12)  not null,
    operation_model      varchar(30)  not null check (operation_model in ('PUBLIC', 'PUBLIC_BUILT_PRIVATE_RUN', 'PRIVATE')),
    profit_type          varchar(20)  not null check (profit_type in ('FOR_PROFIT', 'NON_PROFIT')),
    kind                 varchar(30)  not null,
    star_rating          smallint check (star_rating between 1 and 5),
    star_rated_on        date,
    premises             varchar(10)  not null check (premises in ('OWNED', 'LEASED')),
    lease_ends_on        date,
    opened_on            date,
    medical_partnership  boolean      not null default false,
    smart_care_home      boolean      not null default false,
    synthetic            boolean      not null default false,
    created_at           timestamptz  not null default now(),
    created_by           varchar(100) not null,
    updated_at           timestamptz  not null default now(),
    updated_by           varchar(100) not null,
    version              integer      not null default 0
);
create index institution_division on facilities.institution (division_code);

create table facilities.institution_bed (
    institution_id bigint      not null references facilities.institution (id) on delete cascade,
    bed_type       varchar(10) not null check (bed_type in ('NURSING', 'ASSISTED')),
    approved       integer     not null check (approved >= 0),
    cognitive      integer     not null check (cognitive >= 0),
    primary key (institution_id, bed_type),
    check (cognitive <= approved)
);

create table facilities.care_centre (
    id             bigserial primary key,
    name           varchar(100) not null check (length(trim(name)) > 0),
    division_code  varchar(12)  not null,
    kind           varchar(30)  not null,
    services       varchar(20)[] not null default '{}',
    opening_hours  varchar(200),
    synthetic      boolean      not null default false,
    created_at     timestamptz  not null default now(),
    created_by     varchar(100) not null,
    version        integer      not null default 0
);
create index care_centre_division on facilities.care_centre (division_code);

create table facilities.childcare_provider (
    id              bigserial primary key,
    name            varchar(100) not null check (length(trim(name)) > 0),
    division_code   varchar(12)  not null,
    kind            varchar(30)  not null,
    filed           boolean      not null default false,
    filed_on        date,
    approved_slots  integer      not null check (approved_slots >= 0),
    affordable      boolean      not null default false,
    premises        varchar(10)  not null check (premises in ('OWNED', 'LEASED')),
    lease_ends_on   date,
    synthetic       boolean      not null default false,
    created_at      timestamptz  not null default now(),
    created_by      varchar(100) not null,
    updated_at      timestamptz  not null default now(),
    updated_by      varchar(100) not null,
    version         integer      not null default 0,
    check (not filed or filed_on is not null)
);
create index childcare_provider_division on facilities.childcare_provider (division_code);

create table facilities.childcare_class (
    id           bigserial primary key,
    provider_id  bigint      not null references facilities.childcare_provider (id) on delete cascade,
    class_type   varchar(20) not null,
    capacity     integer     not null check (capacity > 0)
);
create index childcare_class_provider on facilities.childcare_class (provider_id);

-- National class limits (国卫人口发〔2019〕58号), loaded from reference/childcare/class-limits.csv by V4_2.
create table facilities.childcare_class_limit (
    class_type          varchar(20) primary key,
    min_age_months      integer not null,
    max_age_months      integer not null,
    max_children        integer not null,
    children_per_carer  integer,
    source              varchar(300) not null
);

create table facilities.staff_member (
    id              bigserial primary key,
    name            varchar(50)  not null check (length(trim(name)) > 0),
    role            varchar(30)  not null,
    institution_id  bigint references facilities.institution (id),
    provider_id     bigint references facilities.childcare_provider (id),
    division_code   varchar(12)  not null,
    talent_titles   varchar(30)[] not null default '{}',
    synthetic       boolean      not null default false,
    created_at      timestamptz  not null default now(),
    created_by      varchar(100) not null,
    check ((institution_id is null) <> (provider_id is null))
);
create index staff_member_division on facilities.staff_member (division_code);

create table facilities.staff_certificate (
    id              bigserial primary key,
    staff_id        bigint       not null references facilities.staff_member (id) on delete cascade,
    certificate_type varchar(50) not null,
    number          varchar(50)  not null,
    level           varchar(20),
    valid_until     date         not null
);
create index staff_certificate_staff on facilities.staff_certificate (staff_id);
create index staff_certificate_valid_until on facilities.staff_certificate (valid_until);
