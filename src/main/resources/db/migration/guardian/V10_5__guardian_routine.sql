-- Each elder's learned routine (issue 10, point 3), relearned nightly and on demand from the last days of readings and
-- kept here so that a restart does not lose it: home and usual places (learned safe zones, a place only in its usual
-- hours), usual active hours, water and power curves with the time by which they are usually used, usual outings.
create table guardian.routine_profile (
    person_id          bigint      primary key,
    learned_at         timestamptz not null,
    history_days       integer     not null,
    days               integer     not null,
    normal_gap_seconds integer,
    -- per local hour 0..23: on how many of the days the elder was active in it
    active_hour_days   integer[]   not null,
    -- bit h set: hour h is usual (0 = not learned)
    active_hours       integer     not null,
    -- per local hour 0..23: mean cumulative use by the end of the hour
    water_curve        float8[]    not null,
    power_curve        float8[]    not null,
    water_by_minute    integer     check (water_by_minute between 0 and 1439),
    power_by_minute    integer     check (power_by_minute between 0 and 1439)
);

create table guardian.routine_place (
    person_id     bigint        not null references guardian.routine_profile (person_id) on delete cascade,
    ordinal       integer       not null,
    name          varchar(20)   not null,
    kind          varchar(20)   not null check (kind in ('LEARNED_HOME', 'LEARNED_PLACE')),
    lat           numeric(9, 6) not null,
    lon           numeric(9, 6) not null,
    radius_meters integer       not null,
    -- bit h set: the place counts as safe in hour h
    hours         integer       not null,
    primary key (person_id, ordinal)
);

create table guardian.routine_outing (
    person_id    bigint      not null references guardian.routine_profile (person_id) on delete cascade,
    ordinal      integer     not null,
    place        varchar(20) not null default '',
    from_minute  integer     not null check (from_minute between 0 and 1439),
    to_minute    integer     not null check (to_minute between 0 and 1439),
    range_meters integer     not null,
    days         integer     not null,
    primary key (person_id, ordinal)
);
