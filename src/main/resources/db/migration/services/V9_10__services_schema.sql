-- Services (养老管家): the service menu, providers, butler teams and the order loop need → order → dispatch →
-- service → evaluation → supervision. People, facilities and users are other modules' rows, referenced by id or
-- username only. Orders are never deleted: a cancellation is a state, every transition is a history row.
create schema if not exists services;

create table services.service_item (
    id        bigserial     primary key,
    code      varchar(30)   not null unique,
    category  varchar(20)   not null check (category in ('MEALS', 'BATHING', 'CLEANING', 'MOBILITY', 'MEDICAL',
                                                         'EMERGENCY')),
    name      varchar(100)  not null,
    unit      varchar(20)   not null,
    -- yuan per unit
    price     numeric(10,2) not null check (price >= 0),
    active    boolean       not null default true,
    synthetic boolean       not null default false
);

-- where an item can be ordered: a division and its whole subtree (the county code = everywhere)
create table services.item_availability (
    item_id       bigint      not null references services.service_item (id),
    division_code varchar(12) not null,
    primary key (item_id, division_code)
);

create table services.butler_team (
    id            bigserial    primary key,
    name          varchar(100) not null,
    township_code varchar(12)  not null,
    synthetic     boolean      not null default false
);

create table services.team_village (
    team_id      bigint      not null references services.butler_team (id),
    village_code varchar(12) not null,
    primary key (team_id, village_code)
);

-- a member is a platform user with the role BUTLER; skills are service categories
create table services.team_member (
    team_id      bigint       not null references services.butler_team (id),
    username     varchar(100) not null,
    display_name varchar(100) not null,
    skills       varchar(20)[] not null default '{}',
    primary key (team_id, username)
);
create unique index team_member_one_team on services.team_member (username);

create table services.provider (
    id            bigserial    primary key,
    kind          varchar(20)  not null check (kind in ('INSTITUTION', 'CARE_CENTRE', 'BUTLER_TEAM', 'CARAVAN')),
    name          varchar(100) not null,
    division_code varchar(12)  not null,
    -- the facilities module's institution or care centre, or our own butler team
    facility_id   bigint,
    team_id       bigint       references services.butler_team (id),
    synthetic     boolean      not null default false,
    check (kind not in ('INSTITUTION', 'CARE_CENTRE') or facility_id is not null),
    check (kind <> 'BUTLER_TEAM' or team_id is not null)
);

create table services.provider_item (
    provider_id bigint not null references services.provider (id),
    item_id     bigint not null references services.service_item (id),
    primary key (provider_id, item_id)
);

-- purchased "basic butler" packages (基础管家服务包): so many units of items per month, bought for an elder
create table services.butler_package (
    id        bigserial     primary key,
    code      varchar(30)   not null unique,
    name      varchar(100)  not null,
    -- yuan per month, paid by the purchaser (government purchase of services)
    price     numeric(10,2) not null check (price >= 0),
    synthetic boolean       not null default false
);

create table services.package_item (
    package_id       bigint  not null references services.butler_package (id),
    item_id          bigint  not null references services.service_item (id),
    units_per_month  integer not null check (units_per_month > 0),
    primary key (package_id, item_id)
);

create table services.package_subscription (
    id         bigserial    primary key,
    person_id  bigint       not null,
    package_id bigint       not null references services.butler_package (id),
    from_date  date         not null,
    to_date    date,
    created_by varchar(100) not null,
    created_at timestamptz  not null default now()
);

create table services.service_order (
    id                  bigserial     primary key,
    idempotency_key     varchar(100)  not null unique,
    person_id           bigint        not null,
    -- the elder's residence when the order was taken: the data scope of the order
    division_code       varchar(12)   not null,
    item_id             bigint        not null references services.service_item (id),
    item_code           varchar(30)   not null,
    category            varchar(20)   not null,
    quantity            integer       not null check (quantity > 0),
    -- as of the order: later menu price changes do not touch it
    unit_price          numeric(10,2) not null,
    price               numeric(12,2) not null,
    channel             varchar(20)   not null check (channel in ('PHONE', 'BUTLER', 'VISIT_FINDING', 'GUARDIAN_ALERT')),
    requested_for       timestamptz   not null,
    note                varchar(500),
    status              varchar(20)   not null,
    provider_id         bigint        references services.provider (id),
    butler_username     varchar(100),
    created_at          timestamptz   not null,
    created_by          varchar(100)  not null,
    dispatched_at       timestamptz,
    accepted_at         timestamptz,
    checked_in_at       timestamptz,
    check_in_latitude   numeric(9,6),
    check_in_longitude  numeric(9,6),
    checked_out_at      timestamptz,
    completion_published boolean      not null default false,
    stars               integer       check (stars between 1 and 5),
    evaluation_comment  varchar(1000),
    evaluated_by        varchar(10)   check (evaluated_by in ('ELDER', 'FAMILY')),
    evaluated_at        timestamptz,
    sampled_for_check   boolean       not null default false,
    spot_check_result   varchar(10)   check (spot_check_result in ('PASSED', 'FAILED')),
    complaints          integer       not null default 0,
    cancel_reason       varchar(500),
    cancelled_at        timestamptz,
    version             integer       not null default 0
);
create index service_order_division on services.service_order (division_code, status);
create index service_order_butler on services.service_order (butler_username, status);
create index service_order_person on services.service_order (person_id);

create table services.order_transition (
    id          bigserial    primary key,
    order_id    bigint       not null references services.service_order (id),
    action      varchar(20)  not null,
    from_status varchar(20),
    to_status   varchar(20)  not null,
    actor       varchar(100) not null,
    at          timestamptz  not null,
    note        varchar(1000)
);
create index order_transition_order on services.order_transition (order_id, id);
