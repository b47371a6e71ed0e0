-- 时间银行 time bank and elder engagement (decision 0030): organisations (老年协会, volunteer teams), volunteers with
-- consent, skills and availability (also the 老年人才信息库 talent database), activities confirmed by their organiser,
-- the hours credited from verified sources, transfers and spends, and elderly education (courses, enrolments,
-- attendance). The hours themselves are in the ledger (accounts timebank:<personId>, unit HOUR); these tables keep why.
create schema if not exists timebank;

create table timebank.organisation (
    id            bigserial    primary key,
    name          varchar(100) not null,
    kind          varchar(20)  not null check (kind in ('ASSOCIATION', 'TEAM')),
    division_code varchar(12)  not null,
    created_at    timestamptz  not null,
    created_by    varchar(100) not null,
    unique (division_code, name)
);

create table timebank.volunteer (
    person_id         bigint       primary key,
    -- the volunteer's residence when registered: the data scope of the record
    division_code     varchar(12)  not null,
    organisation_id   bigint       references timebank.organisation (id),
    former_profession varchar(100),
    availability      varchar(200),
    -- willing to be found in the talent database (老年人才信息库) and matched to a need
    willing_to_share  boolean      not null default true,
    -- false: an elder without a phone, whose account an organiser operates in proxy mode
    own_phone         boolean      not null default true,
    -- the volunteer's platform account (a butler or visitor), if any: orders and visits done under it are theirs
    username          varchar(100) unique,
    consent_at        timestamptz  not null,
    consent_by        varchar(100) not null,
    registered_at     timestamptz  not null,
    withdrawn_at      timestamptz
);
create index volunteer_division on timebank.volunteer (division_code);

create table timebank.volunteer_skill (
    person_id bigint      not null references timebank.volunteer (person_id),
    skill     varchar(50) not null,
    primary key (person_id, skill)
);
create index volunteer_skill_skill on timebank.volunteer_skill (skill);

-- An activity run by an organiser; hours are credited to its participants only when the organiser confirms it.
create table timebank.activity (
    id              bigserial    primary key,
    title           varchar(200) not null,
    division_code   varchar(12)  not null,
    organisation_id bigint       references timebank.organisation (id),
    held_on         date         not null,
    organiser       varchar(100) not null,
    created_at      timestamptz  not null,
    confirmed_at    timestamptz,
    confirmed_by    varchar(100)
);
create index activity_division on timebank.activity (division_code, held_on desc);

create table timebank.activity_participant (
    activity_id bigint        not null references timebank.activity (id),
    person_id   bigint        not null references timebank.volunteer (person_id),
    hours       numeric(6, 2) not null check (hours > 0),
    primary key (activity_id, person_id)
);

-- One verified service credits hours once: the unique (source_type, source_ref) is the guard, the ledger's
-- idempotency key makes a retried request a replay.
create table timebank.credit (
    id              bigserial     primary key,
    person_id       bigint        not null references timebank.volunteer (person_id),
    hours           numeric(6, 2) not null check (hours > 0),
    source_type     varchar(10)   not null check (source_type in ('ORDER', 'VISIT', 'ACTIVITY')),
    source_ref      varchar(100)  not null,
    -- where the service was given: hours are issued by that village's account
    division_code   varchar(12)   not null,
    idempotency_key varchar(200)  not null unique,
    ledger_tx       bigint        not null,
    created_at      timestamptz   not null,
    created_by      varchar(100)  not null,
    unique (source_type, source_ref)
);
create index credit_person on timebank.credit (person_id, id);

-- Hours leaving an account: to another person (TRANSFER, DONATION to family) or spent on a service (SPEND) in any
-- village (通存通兑), or expired. proxy = done by an organiser for an elder without a phone (also in the audit trail).
create table timebank.movement (
    id              bigserial     primary key,
    kind            varchar(10)   not null check (kind in ('TRANSFER', 'DONATION', 'SPEND', 'EXPIRY')),
    from_person_id  bigint        not null,
    to_person_id    bigint,
    division_code   varchar(12),
    hours           numeric(6, 2) not null check (hours > 0),
    note            varchar(200),
    proxy           boolean       not null default false,
    proxy_witness   varchar(100),
    idempotency_key varchar(200)  not null unique,
    ledger_tx       bigint        not null,
    created_at      timestamptz   not null,
    created_by      varchar(100)  not null,
    check ((kind in ('TRANSFER', 'DONATION')) = (to_person_id is not null)),
    check (not proxy or proxy_witness is not null)
);
create index movement_from on timebank.movement (from_person_id, id);

-- 老年教育 elderly education
create table timebank.course (
    id            bigserial    primary key,
    title         varchar(200) not null,
    mode          varchar(10)  not null check (mode in ('ONLINE', 'OFFLINE')),
    location      varchar(200),
    division_code varchar(12)  not null,
    provider      varchar(100),
    term_start    date         not null,
    term_end      date         not null,
    sessions      integer      not null check (sessions > 0),
    created_at    timestamptz  not null,
    created_by    varchar(100) not null,
    check (term_end >= term_start),
    check (mode = 'ONLINE' or location is not null)
);
create index course_division on timebank.course (division_code, term_start);

create table timebank.enrolment (
    course_id   bigint       not null references timebank.course (id),
    person_id   bigint       not null,
    enrolled_at timestamptz  not null,
    enrolled_by varchar(100) not null,
    primary key (course_id, person_id)
);
create index enrolment_person on timebank.enrolment (person_id);

create table timebank.attendance (
    course_id   bigint       not null,
    person_id   bigint       not null,
    session_no  integer      not null check (session_no > 0),
    recorded_at timestamptz  not null,
    recorded_by varchar(100) not null,
    primary key (course_id, person_id, session_no),
    foreign key (course_id, person_id) references timebank.enrolment (course_id, person_id)
);
