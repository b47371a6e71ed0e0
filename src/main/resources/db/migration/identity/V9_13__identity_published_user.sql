-- Published read model (decision 0010): who the platform's users are and what roles they hold, without any
-- credential, so that the services module can check that a butler team member is a BUTLER account (issue 9).
-- Add columns, never repurpose them.
create view identity.published_user as
select u.id, u.username, u.display_name, u.division_code, u.enabled,
       array(select r.role from identity.user_role r where r.user_id = u.id order by r.role) as roles
from identity.user_account u;
