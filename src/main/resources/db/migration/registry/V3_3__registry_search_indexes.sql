-- Person search at a million people (issue 3, docs/benchmarks.md "Person search").
--
-- 1. Covering indexes: every search filters on status and the residence subtree, and pages in (name, id) order, so
--    counts become index-only scans and the first pages an ordered index-only scan that stops after the page.
--    (status, residence_division_code, birth_date) also serves the home page's per-division counts, and replaces
--    person_residence_birth (residence_division_code, birth_date), so that writes keep the same number of indexes.
create index person_search_scope on registry.person (status, residence_division_code, birth_date)
    include (living_situation, economic_status);
create index person_search_name on registry.person (status, name, id)
    include (residence_division_code, birth_date, living_situation, economic_status);
drop index registry.person_residence_birth;

-- 2. A tally of people per residence, status, birth year and dimension ('ALL', 'FLAG:<living situation>',
--    'ECONOMIC:<status>'), kept by statement-level triggers in the same transaction as the change, so that the total of
--    a broad search (the whole county: up to a million rows, which no index makes cheap to count) is a sum over a few
--    thousand rows and still exact. Rows are deltas, only ever inserted (no row is a hot spot that concurrent writers
--    would queue on); registry.compact_person_tally() folds them together and runs every few minutes.
create table registry.person_tally (
    residence_division_code varchar(12) not null,
    status                  varchar(20) not null,
    birth_year              integer     not null,
    dimension               varchar(60) not null,
    people                  bigint      not null
);
create index person_tally_lookup on registry.person_tally (status, dimension, residence_division_code, birth_year)
    include (people);

-- the dimensions a person counts in
create function registry.person_tally_dimensions(living_situation varchar[], economic_status varchar)
    returns setof text language sql immutable as $$
    select 'ALL'
    union all
    select 'FLAG:' || flag from unnest(living_situation) as flag
    union all
    select 'ECONOMIC:' || economic_status where economic_status <> 'NONE'
$$;

create function registry.person_tally_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into registry.person_tally (residence_division_code, status, birth_year, dimension, people)
        select p.residence_division_code, p.status, extract(year from p.birth_date)::int, d.dimension, count(*)
        from new_rows p cross join lateral registry.person_tally_dimensions(p.living_situation, p.economic_status) d(dimension)
        group by 1, 2, 3, 4;
    elsif tg_op = 'DELETE' then
        insert into registry.person_tally (residence_division_code, status, birth_year, dimension, people)
        select p.residence_division_code, p.status, extract(year from p.birth_date)::int, d.dimension, -count(*)
        from old_rows p cross join lateral registry.person_tally_dimensions(p.living_situation, p.economic_status) d(dimension)
        group by 1, 2, 3, 4;
    else
        insert into registry.person_tally (residence_division_code, status, birth_year, dimension, people)
        select c.residence_division_code, c.status, c.birth_year, d.dimension, sum(c.delta)
        from (select residence_division_code, status, extract(year from birth_date)::int as birth_year,
                     living_situation, economic_status, 1 as delta from new_rows
              union all
              select residence_division_code, status, extract(year from birth_date)::int,
                     living_situation, economic_status, -1 from old_rows) c
        cross join lateral registry.person_tally_dimensions(c.living_situation, c.economic_status) d(dimension)
        group by 1, 2, 3, 4
        having sum(c.delta) <> 0;
    end if;
    return null;
end
$$;

create trigger person_tally_insert after insert on registry.person
    referencing new table as new_rows for each statement execute function registry.person_tally_change();
create trigger person_tally_update after update on registry.person
    referencing old table as old_rows new table as new_rows for each statement execute function registry.person_tally_change();
create trigger person_tally_delete after delete on registry.person
    referencing old table as old_rows for each statement execute function registry.person_tally_change();

-- Folds the deltas into one row per key, in one statement: deltas inserted meanwhile by other transactions are not
-- visible to it and stay as they are.
create function registry.compact_person_tally() returns void language sql as $$
    with removed as (
        delete from registry.person_tally returning residence_division_code, status, birth_year, dimension, people
    )
    insert into registry.person_tally (residence_division_code, status, birth_year, dimension, people)
    select residence_division_code, status, birth_year, dimension, sum(people) from removed
    group by 1, 2, 3, 4
    having sum(people) <> 0
$$;

-- people registered before this migration
insert into registry.person_tally (residence_division_code, status, birth_year, dimension, people)
select p.residence_division_code, p.status, extract(year from p.birth_date)::int, d.dimension, count(*)
from registry.person p
cross join lateral registry.person_tally_dimensions(p.living_situation, p.economic_status) d(dimension)
group by 1, 2, 3, 4;
