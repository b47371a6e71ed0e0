-- Bumped when an account is disabled or its password reset by an administrator: web sessions opened before carry the
-- old stamp and end at their next request (issue 20).
alter table identity.user_account add column session_stamp integer not null default 0;
