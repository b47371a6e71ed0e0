-- Likely duplicates (issue 18): the keys (township, name, birth date) shared by two or more active records, kept up to
-- date by the statements that change people, so that the review page and the inbox read a few hundred rows instead of
-- grouping a million people on every visit (1.6 s at N=10 before).
--
-- Each statement recounts only the keys its rows had before and after, through person_township_name_birth (V3_1). A
-- bulk load that sets registry.bulk_load for its transaction skips the recounts and rebuilds the list at its end.
-- Two transactions adding the same person concurrently may each count only their own row and miss the pair; the
-- nightly rebuild (registry.rebuild_person_duplicate_keys) catches that. The list is an aid to review, never a rule.
create table registry.person_duplicate_key (
    township_code varchar(12)  not null,
    name          varchar(50)  not null,
    birth_date    date         not null,
    members       integer      not null check (members >= 2),
    primary key (township_code, name, birth_date)
);
create index person_duplicate_key_order on registry.person_duplicate_key (members desc, township_code, name, birth_date);

-- one function per event: a transition table exists only for the events that have it
create function registry.person_duplicate_keys_insert() returns trigger language plpgsql as $$
begin
    if current_setting('registry.bulk_load', true) = 'on' then
        return null;
    end if;
    with counted as (
        select t.township_code, t.name, t.birth_date,
               (select count(*) from registry.person p
                where p.township_code = t.township_code and p.name = t.name and p.birth_date = t.birth_date
                  and p.status = 'ACTIVE') as members
        from (select distinct township_code, name, birth_date from new_rows where status = 'ACTIVE') t
    )
    insert into registry.person_duplicate_key (township_code, name, birth_date, members)
    select township_code, name, birth_date, members from counted where members >= 2
    on conflict (township_code, name, birth_date) do update set members = excluded.members;
    return null;
end
$$;

create function registry.person_duplicate_keys_recount(keys_township varchar[], keys_name varchar[],
                                                        keys_birth date[]) returns void language sql as $$
    with touched as (
        select distinct * from unnest(keys_township, keys_name, keys_birth) as k(township_code, name, birth_date)
    ), counted as (
        select t.township_code, t.name, t.birth_date,
               (select count(*) from registry.person p
                where p.township_code = t.township_code and p.name = t.name and p.birth_date = t.birth_date
                  and p.status = 'ACTIVE') as members
        from touched t
    ), gone as (
        delete from registry.person_duplicate_key d using counted c
        where d.township_code = c.township_code and d.name = c.name and d.birth_date = c.birth_date
          and c.members < 2
    )
    insert into registry.person_duplicate_key (township_code, name, birth_date, members)
    select township_code, name, birth_date, members from counted where members >= 2
    on conflict (township_code, name, birth_date) do update set members = excluded.members
$$;

create function registry.person_duplicate_keys_update() returns trigger language plpgsql as $$
begin
    if current_setting('registry.bulk_load', true) = 'on' then
        return null;
    end if;
    -- only rows whose key or status changed (most updates edit a phone number or an address)
    perform registry.person_duplicate_keys_recount(array_agg(k.township_code), array_agg(k.name),
                                                   array_agg(k.birth_date))
    from (select n.township_code, n.name, n.birth_date, o.township_code as old_township, o.name as old_name,
                 o.birth_date as old_birth
          from new_rows n join old_rows o on o.id = n.id
          where (n.township_code, n.name, n.birth_date, n.status)
                is distinct from (o.township_code, o.name, o.birth_date, o.status)) c
    cross join lateral (values (c.township_code, c.name, c.birth_date),
                               (c.old_township, c.old_name, c.old_birth)) k(township_code, name, birth_date);
    return null;
end
$$;

create function registry.person_duplicate_keys_delete() returns trigger language plpgsql as $$
begin
    if current_setting('registry.bulk_load', true) = 'on' then
        return null;
    end if;
    perform registry.person_duplicate_keys_recount(array_agg(township_code), array_agg(name), array_agg(birth_date))
    from (select distinct township_code, name, birth_date from old_rows) k;
    return null;
end
$$;

create trigger person_duplicate_keys_insert after insert on registry.person
    referencing new table as new_rows for each statement execute function registry.person_duplicate_keys_insert();
create trigger person_duplicate_keys_update after update on registry.person
    referencing old table as old_rows new table as new_rows
    for each statement execute function registry.person_duplicate_keys_update();
create trigger person_duplicate_keys_delete after delete on registry.person
    referencing old table as old_rows for each statement execute function registry.person_duplicate_keys_delete();

-- the whole list again, in one statement: nightly, and for the people registered before this migration
create function registry.rebuild_person_duplicate_keys() returns void language sql as $$
    delete from registry.person_duplicate_key;
    insert into registry.person_duplicate_key (township_code, name, birth_date, members)
    select township_code, name, birth_date, count(*) from registry.person
    where status = 'ACTIVE'
    group by township_code, name, birth_date
    having count(*) > 1
$$;

select registry.rebuild_person_duplicate_keys();
