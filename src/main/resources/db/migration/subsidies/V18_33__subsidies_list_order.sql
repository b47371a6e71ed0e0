-- The run page pages a run's lines (up to a million) and its change list on the server in list order (issue 18):
-- indexes in that order let a page be read without sorting the whole run.
create index run_line_run_order on subsidies.run_line (run_id, township_code, name, id);
create index run_change_run_order on subsidies.run_change (run_id, change, township_code, name, id);
