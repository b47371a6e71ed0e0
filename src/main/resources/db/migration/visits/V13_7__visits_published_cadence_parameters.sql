-- Published read model (decision 0010): the dated visit parameters, so that the 政策找人 scan judges "失能" for visits
-- with the level in force for the month, as the target population does, instead of a copy of it.
create view visits.published_cadence_parameters as
select c.effective_from, c.disability_min_level, c.high_risk_min_level, c.reference
from visits.cadence_parameters c;
