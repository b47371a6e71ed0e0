-- 政策找人 (outreach): people a scan found meeting a programme's rules but not enrolled in it, with the reasons and the
-- rule trace, the notices sent to them or their family, and the outcome a clerk recorded.
create schema if not exists outreach;

create table outreach.candidate (
    id             bigserial    primary key,
    person_id      bigint       not null,
    programme      varchar(40)  not null check (programme in ('ELDERLY_SERVICE_SUBSIDY', 'LOVE_CARD',
                                                             'CHILDCARE_ALLOWANCE', 'VISITS')),
    division_code  varchar(12)  not null,
    township_code  varchar(12)  not null,
    reasons        varchar(40)[] not null,
    trace          jsonb        not null,
    -- found by the latest scan; false once the person is enrolled, no longer qualifies, or has died
    current        boolean      not null default true,
    status         varchar(20)  not null default 'OPEN'
        check (status in ('OPEN', 'NOTIFIED', 'APPLIED', 'DECLINED', 'NOT_REACHABLE')),
    first_found_at timestamptz  not null,
    last_found_at  timestamptz  not null,
    outcome_note   varchar(500),
    outcome_at     timestamptz,
    outcome_by     varchar(100),
    unique (person_id, programme)
);
create index candidate_worklist on outreach.candidate (programme, division_code) where current;

create table outreach.notice (
    id            bigserial    primary key,
    candidate_id  bigint       not null references outreach.candidate (id),
    channel       varchar(10)  not null check (channel in ('SMS', 'LETTER')),
    message_id    bigint,
    sent_at       timestamptz  not null,
    sent_by       varchar(100) not null
);
create index notice_candidate on outreach.notice (candidate_id);

create table outreach.scan (
    id           bigserial    primary key,
    started_at   timestamptz  not null,
    finished_at  timestamptz,
    scanned_on   date         not null,
    found        integer,
    started_by   varchar(100) not null
);
