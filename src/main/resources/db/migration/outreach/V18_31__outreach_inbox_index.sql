-- The inbox counts the current cases waiting for a notice in a user's scope on every landing (issue 18): an index on
-- the open current cases by division and programme answers it without reading the closed ones.
create index candidate_open on outreach.candidate (division_code, programme) where current and status = 'OPEN';
