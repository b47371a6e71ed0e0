-- A temporary raise of an elder's visit tier to HIGH (weekly visits) for a period, e.g. the 30 days after a hospital
-- discharge reported by the health feed (issue 13). One raise per source event: a repeated event changes nothing.
create table visits.tier_raise (
    id          bigserial    primary key,
    person_id   bigint       not null,
    from_date   date         not null,
    until_date  date         not null check (until_date >= from_date),
    reason      varchar(30)  not null check (reason in ('HOSPITAL_DISCHARGE')),
    source      varchar(100) not null unique,
    created_at  timestamptz  not null
);
create index tier_raise_person on visits.tier_raise (person_id, until_date);
