-- The plan registry (规划项目库): the construction projects of 附件1 with their progress, and the policies (附件2),
-- pilots (附件3) and reforms (附件4). Investment in 万元 (10,000 yuan), numeric: never a float.
create schema if not exists planning;

create table planning.project (
    code              varchar(8)     primary key check (code ~ '^[EC][0-9]{1,2}$'),
    seq               integer        not null unique,
    category          varchar(10)    not null check (category in ('ELDERLY', 'CHILDCARE')),
    name              varchar(200)   not null,
    build_type        varchar(10)    not null,   -- as the plan writes it: 在建 / 新建 / 前期
    years             varchar(20)    not null,
    place             varchar(100)   not null,
    division_code     varchar(12),
    content           varchar(400)   not null,
    investment        numeric(12, 2) not null check (investment >= 0),
    owner             varchar(100)   not null,
    funding           varchar(30)    not null,
    planned_beds      integer        check (planned_beds >= 0),
    planned_places    integer        check (planned_places >= 0),
    status            varchar(20)    not null
        check (status in ('NOT_STARTED', 'PREPARING', 'UNDER_CONSTRUCTION', 'COMPLETED')),
    percent_complete  integer        not null default 0 check (percent_complete between 0 and 100),
    invested_to_date  numeric(12, 2) not null default 0 check (invested_to_date >= 0),
    beds_delivered    integer        not null default 0 check (beds_delivered >= 0),
    places_delivered  integer        not null default 0 check (places_delivered >= 0),
    source            varchar(200)   not null,
    version           integer        not null default 0
);

create table planning.project_progress (
    id                bigserial      primary key,
    project_code      varchar(8)     not null references planning.project (code),
    reported_on       date           not null,
    status            varchar(20)    not null,
    percent_complete  integer        not null check (percent_complete between 0 and 100),
    invested_to_date  numeric(12, 2) not null check (invested_to_date >= 0),
    beds_delivered    integer        not null check (beds_delivered >= 0),
    places_delivered  integer        not null check (places_delivered >= 0),
    note              varchar(1000),
    attachments       varchar(200)[] not null default '{}',
    recorded_by       varchar(100)   not null,
    recorded_at       timestamptz    not null
);
create index project_progress_project on planning.project_progress (project_code, reported_on desc, id desc);

-- A completed project's beds or places turned into facility capacity, once per project.
create table planning.capacity_conversion (
    project_code   varchar(8)   primary key references planning.project (code),
    facility_kind  varchar(20)  not null check (facility_kind in ('INSTITUTION', 'CHILDCARE_PROVIDER')),
    facility_id    bigint       not null,
    bed_type       varchar(10),
    amount         integer      not null check (amount > 0),
    converted_by   varchar(100) not null,
    converted_at   timestamptz  not null
);

create table planning.plan_item (
    code               varchar(8)    primary key,
    seq                integer       not null unique,
    kind               varchar(10)   not null check (kind in ('POLICY', 'PILOT', 'REFORM')),
    title              varchar(200)  not null,
    document_number    varchar(100),
    responsible_units  varchar(200)  not null,
    place              varchar(100),
    source             varchar(200)  not null
);
