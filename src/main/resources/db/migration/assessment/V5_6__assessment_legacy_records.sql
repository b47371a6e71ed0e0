-- Results under the older MZ/T 039-2013 《老年人能力评估》 scheme (levels 0–3, the ADL part Barthel-based), imported as
-- history from earlier systems' spreadsheets. They keep their own scheme and level and are never converted to
-- GB/T 42195-2022: they do not give a current level (assessment.published_current_level ignores them); a person with
-- only such a record is due for a first assessment under the current standard.
create table assessment.legacy_assessment (
    id                  bigserial    primary key,
    person_id           bigint       not null,
    division_code       varchar(12)  not null,
    scheme              varchar(30)  not null default 'MZ/T 039-2013' check (scheme = 'MZ/T 039-2013'),
    assessed_on         date         not null,
    level               integer      not null check (level between 0 and 3),
    adl_score           integer      check (adl_score between 0 and 100),
    mental_level        integer      check (mental_level between 0 and 3),
    perception_level    integer      check (perception_level between 0 and 3),
    social_level        integer      check (social_level between 0 and 3),
    assessed_by         varchar(200) not null default '',
    note                varchar(500) not null default '',
    source_file         varchar(200) not null,
    source_row          integer      not null,
    import_id           uuid         not null,
    imported_at         timestamptz  not null default now(),
    imported_by         varchar(100) not null,
    -- the same result loaded twice (the same file again, or an overlapping one) is recognised and skipped
    unique (person_id, scheme, assessed_on)
);
create index legacy_assessment_division on assessment.legacy_assessment (division_code);
