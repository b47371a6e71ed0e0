-- An elder's alerts, open or closed, for the person's timeline (the unique index covers open alerts only)
create index if not exists alert_person on guardian.alert (person_id, opened_at desc);
