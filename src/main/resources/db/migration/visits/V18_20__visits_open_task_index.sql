-- The inbox counts a township's open visits past due on every landing (issue 18): open tasks by division and due time.
create index task_open_division_due on visits.task (division_code, due_at) where status = 'OPEN';
