-- People registry (人员档案). The resident ID number is never stored in clear: id_number_cipher holds it encrypted
-- (AES-GCM), id_number_index is its keyed hash for exact look-up and uniqueness, id_number_masked is what screens show.
create schema if not exists registry;

create table registry.person (
    id                      bigserial    primary key,
    id_number_cipher        bytea        not null,
    id_number_index         bytea        not null,
    id_number_masked        varchar(18)  not null,
    name                    varchar(50)  not null check (length(trim(name)) > 0),
    sex                     varchar(6)   not null check (sex in ('MALE', 'FEMALE')),
    birth_date              date         not null,
    phone                   varchar(20),
    residence_division_code varchar(12)  not null,
    -- the township of the residence, kept for likely-duplicate review and township statistics
    township_code           varchar(12)  not null,
    local_hukou             boolean      not null,
    economic_status         varchar(30)  not null default 'NONE'
        check (economic_status in ('NONE', 'LOW_INCOME_MARGINAL', 'MINIMUM_LIVING', 'EXTREME_POVERTY')),
    living_situation        varchar(30)[] not null default '{}',
    death_date              date,
    status                  varchar(20)  not null default 'ACTIVE'
        check (status in ('ACTIVE', 'DECEASED', 'MOVED_OUT', 'ARCHIVED')),
    synthetic               boolean      not null default false,
    created_at              timestamptz  not null,
    created_by              varchar(100) not null,
    updated_at              timestamptz  not null,
    updated_by              varchar(100) not null,
    version                 integer      not null default 0
);
create unique index person_id_number on registry.person (id_number_index);
create index person_residence_birth on registry.person (residence_division_code, birth_date);
create index person_name on registry.person (name text_pattern_ops);
create index person_township_name_birth on registry.person (township_code, name, birth_date);
create index person_living_situation on registry.person using gin (living_situation);

create table registry.household (
    id            bigserial    primary key,
    division_code varchar(12)  not null,
    address       varchar(200),
    created_at    timestamptz  not null,
    created_by    varchar(100) not null
);

create table registry.household_member (
    household_id bigint      not null references registry.household (id),
    person_id    bigint      not null references registry.person (id),
    relation     varchar(20) not null
        check (relation in ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'GRANDPARENT', 'SIBLING', 'OTHER')),
    primary key (household_id, person_id)
);
-- a person belongs to at most one household
create unique index household_member_person on registry.household_member (person_id);

-- Guardians of infants. PIPL Art. 31: processing a child's information needs the guardian's consent, recorded here.
create table registry.guardian (
    id                 bigserial    primary key,
    infant_id          bigint       not null references registry.person (id),
    guardian_person_id bigint       references registry.person (id),
    name               varchar(50)  not null,
    relation           varchar(20)  not null check (relation in ('MOTHER', 'FATHER', 'GRANDPARENT', 'OTHER')),
    phone              varchar(20),
    consent_given_at   timestamptz  not null,
    consent_method     varchar(20)  not null check (consent_method in ('WRITTEN', 'ONLINE', 'RECORDED_VERBAL')),
    created_at         timestamptz  not null,
    created_by         varchar(100) not null
);
create index guardian_infant on registry.guardian (infant_id);

-- Family and emergency contacts of a person, including family abroad (country and time zone, to call at a sane hour).
create table registry.family_contact (
    id           bigserial    primary key,
    person_id    bigint       not null references registry.person (id),
    name         varchar(50)  not null,
    relation     varchar(20)  not null
        check (relation in ('SON', 'DAUGHTER', 'SPOUSE', 'SIBLING', 'GRANDCHILD', 'RELATIVE', 'NEIGHBOUR', 'OTHER')),
    phone        varchar(30),
    email        varchar(100),
    country_code char(2),
    time_zone    varchar(40),
    emergency    boolean      not null default false,
    created_at   timestamptz  not null,
    created_by   varchar(100) not null
);
create index family_contact_person on registry.family_contact (person_id);
