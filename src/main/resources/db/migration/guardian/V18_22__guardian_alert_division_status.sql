-- The inbox counts the open alerts of a butler's villages or a township on every landing (issue 18).
create index alert_division_status on guardian.alert (division_code, status) where status in ('OPEN', 'ACKNOWLEDGED');
