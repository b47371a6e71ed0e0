-- The love card's eligibility thresholds (decision 0025) as dated policy parameters instead of settings, so that a
-- change is dated, referenced, audited and shown with the other rules (decision 0038). The values are the ones the
-- pilot has used since it began; the plan does not fix them, so they are provisional.
insert into policy.parameter (key, unit) values
    ('love-card.min-capability-level', 'level'),
    ('love-card.min-age', 'years');

insert into policy.parameter_value (key, effective_from, value, reference, provisional, created_by) values
    ('love-card.min-capability-level', '2022-01-01', 1, '《青田县“一老一小”整体解决方案》附件3 爱心卡试点；待县民政局确认', true, 'migration'),
    ('love-card.min-age', '2022-01-01', 80, '《青田县“一老一小”整体解决方案》附件3 爱心卡试点；待县民政局确认', true, 'migration');
