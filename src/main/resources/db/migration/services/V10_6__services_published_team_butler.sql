-- Published read model (decision 0010) for the guardian (issue 10): the butlers of each butler team with the villages
-- the team covers (village_code null for a team that names no village), so an alert's first escalation step reaches
-- the care butlers of the elder's village. A Java API would make services and guardian depend on each other (services
-- already listens to guardian alerts); a view keeps the dependency one way. Add columns, never repurpose them.
create view services.published_team_butler as
select t.id as team_id, t.township_code, v.village_code, m.username, m.display_name
from services.butler_team t
join services.team_member m on m.team_id = t.id
left join services.team_village v on v.team_id = t.id;
