-- A photo taken on the phone carries a key made there once, so that an upload retried after a dropped answer stores
-- the photo once (issue 19). Photos uploaded on the visit page have none.
alter table visits.photo add column client_key varchar(100);
create unique index photo_client_key on visits.photo (client_key) where client_key is not null;
