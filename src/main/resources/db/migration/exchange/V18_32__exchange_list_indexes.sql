-- Lists paged on the server (issue 18): a load's records page by load and id, and the province deliveries by status
-- (the administrators' inbox counts the failed ones) without reading the whole outbox.
create index feed_record_load on exchange.feed_record (load_id, id);
create index province_outbox_status on exchange.province_outbox (status, id);
