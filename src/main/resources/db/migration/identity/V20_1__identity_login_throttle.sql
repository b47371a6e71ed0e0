-- Failed logins counted where no account row holds them (issue 20):
--   'user:<name>'    a username nobody has: it locks exactly like a real account, so the answer never tells whether an
--                    account exists;
--   'address:<ip>'   a client address: one machine cannot guess its way across many accounts.
create table identity.login_throttle (
    subject       varchar(300) primary key,
    failures      integer     not null,
    started_at    timestamptz not null,
    blocked_until timestamptz
);
create index login_throttle_started on identity.login_throttle (started_at);
