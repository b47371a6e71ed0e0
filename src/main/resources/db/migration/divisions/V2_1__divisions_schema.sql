-- Divisions (行政区划): county -> township -> village, as versioned reference data.
-- A row is one version of a division, valid from valid_from until valid_to (exclusive; null = still valid).
-- Renaming closes the open version and opens a new one; retiring closes it. Rows are never deleted.
create schema if not exists divisions;

create table divisions.division (
    code        varchar(12)  not null check (code ~ '^[0-9]{6}([0-9]{3}){0,2}$'),
    valid_from  date         not null,
    valid_to    date,
    name        varchar(100) not null check (length(trim(name)) > 0),
    level       varchar(10)  not null check (level in ('COUNTY', 'TOWNSHIP', 'VILLAGE')),
    parent_code varchar(12),
    synthetic   boolean      not null default false,
    source      varchar(300) not null,
    recorded_at timestamptz  not null default now(),
    primary key (code, valid_from),
    check (valid_to is null or valid_to > valid_from),
    check ((level = 'COUNTY') = (parent_code is null))
);

-- at most one open version per code
create unique index division_one_open_version on divisions.division (code) where valid_to is null;
create index division_parent on divisions.division (parent_code);
