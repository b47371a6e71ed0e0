-- A butler's mobile number on the team roster (issue 19): a dispatch tells the butler by an in-app message and, where
-- the roster has a number, by SMS through the notifications outbox. Accounts carry no telephone number, and the number a
-- butler works with is the team's business, so it lives with the membership.
alter table services.team_member add column phone varchar(20);
-- When a team first had a member: the demo fills only teams that never had one, never a team a clerk emptied.
alter table services.butler_team add column staffed_at timestamptz;
update services.butler_team t set staffed_at = now()
where exists (select 1 from services.team_member m where m.team_id = t.id);
