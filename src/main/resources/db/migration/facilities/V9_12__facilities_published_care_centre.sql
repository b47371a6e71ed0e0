-- Published read model (decision 0010): community care centres, for the services module's providers (issue 9).
-- Add columns, never repurpose them.
create view facilities.published_care_centre as
select c.id, c.name, c.division_code, c.kind, c.services, c.synthetic
from facilities.care_centre c;
