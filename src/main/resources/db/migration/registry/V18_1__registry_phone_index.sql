-- Pickers find a person by telephone number too (issue 18): the call-centre clerk types the number that is calling.
create index person_phone on registry.person (phone) where phone is not null;
