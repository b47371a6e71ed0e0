-- Published read model (decision 0010) for modules that assign work to accounts (visits, issue 8: a village's
-- visitor must be an enabled account whose data scope contains the village). Who an account is, its scope, its roles
-- and whether it is enabled; no password hash, lockout or login details.
create view identity.published_account as
select a.username,
       a.display_name,
       a.division_code,
       a.enabled,
       coalesce(array_agg(r.role order by r.role) filter (where r.role is not null), '{}') as roles
from identity.user_account a
left join identity.user_role r on r.user_id = a.id
group by a.id;
