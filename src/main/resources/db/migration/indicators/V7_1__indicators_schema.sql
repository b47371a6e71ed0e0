-- Indicators (监测指标): the plan's 19 table indicators and its text-only targets as reference data, the statistics
-- that ratios divide by, and the values responsible units report. Actuals computed from data are not stored: they are
-- recomputed from the other modules' published views (decision 0010) whenever asked (decision 0015).
create schema if not exists indicators;

create table indicators.definition (
    code                   varchar(8)    primary key check (code ~ '^(I|S)[0-9]{2}$'),
    seq                    integer       not null unique,
    in_table               boolean       not null,   -- one of the 19 rows of the plan's table; else a text-only target
    name_zh                varchar(200)  not null,
    name_en                varchar(200)  not null,
    unit                   varchar(20)   not null,
    kind                   varchar(10)   not null check (kind in ('COUNT', 'RATIO')),
    scale                  integer       not null default 1,   -- ratio × scale: 100 for %, 1000 per mille, 10000 per 10,000
    attribute              varchar(10)   not null check (attribute in ('EXPECTED', 'BINDING')),
    responsible_units      varchar(200)  not null,
    baseline_year          integer,
    baseline_value         numeric(12, 2),
    baseline_comparator    varchar(30)   check (baseline_comparator in ('AT_LEAST', 'EXACTLY')),
    baseline_source        varchar(300),
    target_year            integer       not null default 2025,
    target_value           numeric(12, 2),
    target_comparator      varchar(30)   not null
        check (target_comparator in ('AT_LEAST', 'EXACTLY', 'AT_LEAST_PROVINCIAL_AVERAGE')),
    target_source          varchar(300)  not null,
    numerator_definition   varchar(400),
    denominator_definition varchar(400),
    denominator_statistic  varchar(30)   check (denominator_statistic in ('RESIDENT_POPULATION', 'POPULATION_60_PLUS')),
    -- which module will compute an indicator that is reported until that module exists (visits, education, …)
    computed_later_by      varchar(100),
    reported_by            varchar(200),  -- who reports a REPORTED value and when
    check ((target_comparator = 'AT_LEAST_PROVINCIAL_AVERAGE') = (target_value is null))
);

-- Where the plan states a number twice and differently: every value with its place in the plan (plan-facts.md §3).
create table indicators.definition_variant (
    code     varchar(8)     not null references indicators.definition (code),
    field    varchar(20)    not null check (field in ('BASELINE', 'TARGET')),
    value    numeric(12, 2) not null,
    source   varchar(300)   not null,
    note     varchar(300)   not null,
    primary key (code, field, value)
);

-- Statistics per division and year that ratios divide by. Null: not known.
create table indicators.statistics_input (
    division_code         varchar(12)   not null,
    year                  integer       not null check (year between 2000 and 2100),
    resident_population   integer       check (resident_population > 0),
    population_60_plus    integer       check (population_60_plus >= 0),
    births                integer       check (births >= 0),
    source                varchar(300)  not null,
    entered_by            varchar(100)  not null,
    entered_at            timestamptz   not null,
    version               integer       not null default 0,
    primary key (division_code, year)
);

-- Provincial averages a target may be compared with (I02: 全省平均水平以上), per indicator and year.
create table indicators.provincial_average (
    code        varchar(8)     not null references indicators.definition (code),
    year        integer        not null,
    value       numeric(12, 2) not null,
    source      varchar(300)   not null,
    entered_by  varchar(100)   not null,
    entered_at  timestamptz    not null,
    primary key (code, year)
);

-- Values reported by the responsible unit for REPORTED indicators; the newest per (code, division, year) counts,
-- older ones stay as history.
create table indicators.reported_value (
    id             bigserial      primary key,
    code           varchar(8)     not null references indicators.definition (code),
    division_code  varchar(12)    not null,
    year           integer        not null check (year between 2000 and 2100),
    value          numeric(12, 2) not null,
    evidence       varchar(1000)  not null check (length(trim(evidence)) > 0),
    reported_by    varchar(100)   not null,
    reported_at    timestamptz    not null
);
create index reported_value_lookup on indicators.reported_value (code, division_code, year, reported_at desc, id desc);
