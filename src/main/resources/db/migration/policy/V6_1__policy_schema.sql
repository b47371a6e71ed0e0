-- Policy (政策参数): dated parameters in the spirit of OpenFisca. A parameter has a key and a unit; its values each
-- hold from a date until the next value's date, with the legal reference that fixes them. Values are never edited
-- or deleted, only superseded by a later one (enforced below), so any past quote or run can be explained again.
create schema if not exists policy;

create table policy.parameter (
    key          varchar(100) primary key check (key ~ '^[a-z0-9-]+(\.[a-z0-9-]+)+$'),
    unit         varchar(40)  not null,
    created_at   timestamptz  not null default now()
);

create table policy.parameter_value (
    key            varchar(100)  not null references policy.parameter (key),
    effective_from date          not null,
    value          numeric(14,4) not null,
    reference      varchar(300)  not null check (length(trim(reference)) > 0),
    -- a value the plan does not give, seeded so the rules can run until the bureau confirms it
    provisional    boolean       not null default false,
    created_at     timestamptz   not null default now(),
    created_by     varchar(100)  not null,
    primary key (key, effective_from)
);

create function policy.parameter_value_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'policy.parameter_value is append-only: add a value from a later date instead';
end $$;

create trigger parameter_value_append_only before update or delete on policy.parameter_value
    for each row execute function policy.parameter_value_append_only();

insert into policy.parameter (key, unit) values
    ('institution-construction.owned.nursing', 'CNY/bed'),
    ('institution-construction.owned.assisted', 'CNY/bed'),
    ('institution-construction.leased.nursing', 'CNY/bed'),
    ('institution-construction.leased.assisted', 'CNY/bed'),
    ('institution-construction.min-lease-years', 'years'),
    ('institution-construction.min-operating-months', 'months'),
    ('institution-operating.star1', 'CNY/person/month'),
    ('institution-operating.star2', 'CNY/person/month'),
    ('institution-operating.star3', 'CNY/person/month'),
    ('institution-operating.star4', 'CNY/person/month'),
    ('institution-operating.star5', 'CNY/person/month'),
    ('institution-operating.public-built-private-run-share', 'ratio'),
    ('childcare-slot-construction.per-slot', 'CNY/slot'),
    ('childcare-allowance.per-month', 'CNY/child/month'),
    ('childcare-allowance.age-limit-months', 'months'),
    ('childcare-operating.infant', 'CNY/child/month'),
    ('childcare-operating.toddler', 'CNY/child/month'),
    ('childcare-operating.older-toddler', 'CNY/child/month'),
    ('childcare-operating.mixed', 'CNY/child/month'),
    ('elderly-service-subsidy.disability-threshold-level', 'level'),
    ('elderly-service-subsidy.level0', 'CNY/person/month'),
    ('elderly-service-subsidy.level1', 'CNY/person/month'),
    ('elderly-service-subsidy.level2', 'CNY/person/month'),
    ('elderly-service-subsidy.level3', 'CNY/person/month'),
    ('elderly-service-subsidy.level4', 'CNY/person/month');

insert into policy.parameter_value (key, effective_from, value, reference, provisional, created_by) values
    ('institution-construction.owned.nursing', '2023-03-31', 11000, '丽政发〔2019〕43号；《青田县“一老一小”整体解决方案》四（四）', false, 'migration'),
    ('institution-construction.owned.assisted', '2023-03-31', 8000, '丽政发〔2019〕43号；《青田县“一老一小”整体解决方案》四（四）', false, 'migration'),
    ('institution-construction.leased.nursing', '2023-03-31', 6300, '丽政发〔2019〕43号；《青田县“一老一小”整体解决方案》四（四）', false, 'migration'),
    ('institution-construction.leased.assisted', '2023-03-31', 4500, '丽政发〔2019〕43号；《青田县“一老一小”整体解决方案》四（四）', false, 'migration'),
    ('institution-construction.min-lease-years', '2023-03-31', 5, '丽政发〔2019〕43号；《青田县“一老一小”整体解决方案》四（四）', false, 'migration'),
    ('institution-construction.min-operating-months', '2023-03-31', 12, '丽政发〔2019〕43号；《青田县“一老一小”整体解决方案》四（四）', false, 'migration'),
    ('institution-operating.star1', '2023-03-31', 120, '丽政发〔2019〕43号；《青田县“一老一小”整体解决方案》四（四）', false, 'migration'),
    ('institution-operating.star2', '2023-03-31', 160, '丽政发〔2019〕43号；《青田县“一老一小”整体解决方案》四（四）', false, 'migration'),
    ('institution-operating.star3', '2023-03-31', 200, '丽政发〔2019〕43号；《青田县“一老一小”整体解决方案》四（四）', false, 'migration'),
    ('institution-operating.star4', '2023-03-31', 240, '丽政发〔2019〕43号；《青田县“一老一小”整体解决方案》四（四）', false, 'migration'),
    ('institution-operating.star5', '2023-03-31', 300, '丽政发〔2019〕43号；《青田县“一老一小”整体解决方案》四（四）', false, 'migration'),
    ('institution-operating.public-built-private-run-share', '2023-03-31', 0.5, '丽政发〔2019〕43号；《青田县“一老一小”整体解决方案》四（四）', false, 'migration'),
    ('childcare-slot-construction.per-slot', '2023-03-31', 2000, '《青田县“一老一小”整体解决方案》四（五）1', false, 'migration'),
    ('childcare-allowance.per-month', '2025-01-01', 300, '国家育儿补贴制度（2025年1月1日起，3周岁以下每孩每年3600元）', false, 'migration'),
    ('childcare-allowance.age-limit-months', '2025-01-01', 36, '国家育儿补贴制度（2025年1月1日起，3周岁以下每孩每年3600元）', false, 'migration'),
    ('childcare-operating.infant', '2023-03-31', 300, '待县民政局/卫健局确认', true, 'migration'),
    ('childcare-operating.toddler', '2023-03-31', 250, '待县民政局/卫健局确认', true, 'migration'),
    ('childcare-operating.older-toddler', '2023-03-31', 200, '待县民政局/卫健局确认', true, 'migration'),
    ('childcare-operating.mixed', '2023-03-31', 250, '待县民政局/卫健局确认', true, 'migration'),
    ('elderly-service-subsidy.disability-threshold-level', '2023-03-31', 1, '待县民政局/卫健局确认', true, 'migration'),
    ('elderly-service-subsidy.level0', '2023-03-31', 50, '待县民政局/卫健局确认', true, 'migration'),
    ('elderly-service-subsidy.level1', '2023-03-31', 100, '待县民政局/卫健局确认', true, 'migration'),
    ('elderly-service-subsidy.level2', '2023-03-31', 200, '待县民政局/卫健局确认', true, 'migration'),
    ('elderly-service-subsidy.level3', '2023-03-31', 300, '待县民政局/卫健局确认', true, 'migration'),
    ('elderly-service-subsidy.level4', '2023-03-31', 400, '待县民政局/卫健局确认', true, 'migration');
