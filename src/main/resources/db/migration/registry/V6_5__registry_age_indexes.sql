-- Indexes behind the published person view (decision 0010) for the monthly subsidy runs over a million people
-- (decision 0036). Both cover every column the runs read, so the runs find their few tens of thousands of
-- candidates with index-only scans instead of reading the whole person table:
--  * by birth date: people aged 90 and over (养老服务补贴), children under three (育儿补贴), age bands of indicators;
--  * low-income local residents by birth date: the 养老服务补贴's income condition (plan-facts §4).
create index if not exists person_birth_date_covering on registry.person (birth_date)
    include (id, status, death_date, name, id_number_masked, residence_division_code, township_code, local_hukou,
             economic_status);

create index if not exists person_low_income_local_birth on registry.person (birth_date)
    include (id, status, death_date, name, id_number_masked, residence_division_code, township_code, local_hukou,
             economic_status)
    where local_hukou and economic_status in ('LOW_INCOME_MARGINAL', 'MINIMUM_LIVING', 'EXTREME_POVERTY');
