-- Accounts (账号), their roles and data scope. Passwords are bcrypt hashes; no default account exists:
-- the first administrator is created at first start from YLY_ADMIN_PASSWORD or a generated password.
create schema if not exists identity;

create table identity.user_account (
    id                  bigserial    primary key,
    username            varchar(50)  not null check (username ~ '^[a-z0-9][a-z0-9_.-]{2,49}$'),
    display_name        varchar(100) not null,
    password_hash       varchar(200) not null,
    division_code       varchar(12)  not null,
    -- the business area of BUREAU_STAFF accounts (CIVIL_AFFAIRS, HEALTH, …); null for other roles
    bureau              varchar(40),
    enabled             boolean      not null default true,
    failed_attempts     integer      not null default 0,
    locked_until        timestamptz,
    password_changed_at timestamptz  not null,
    -- set when someone other than the user knows the password (generated, initial or reset): change at next login
    password_must_change boolean     not null default false,
    last_login_at       timestamptz,
    created_at          timestamptz  not null,
    created_by          varchar(50)  not null
);
create unique index user_account_username on identity.user_account (username);
create index user_account_division on identity.user_account (division_code);

create table identity.user_role (
    user_id bigint      not null references identity.user_account (id) on delete cascade,
    role    varchar(40) not null,
    primary key (user_id, role)
);
