-- Spreadsheet imports of people (issue 3, point 5). An upload is parsed and validated into these staging tables;
-- nothing reaches registry.person until the uploader confirms, and then all valid rows are copied in one statement.
-- Staging holds personal data too: the ID number only encrypted (AES-GCM) with its blind index, never in clear.
-- Imports are purged after a retention period (PersonImportRetention).
create table registry.person_import (
    id                  bigserial    primary key,
    file_name           varchar(255) not null,
    uploaded_by         varchar(100) not null,
    -- the uploader's data scope when validated: confirming needs the same scope
    scope_code          varchar(12)  not null,
    uploaded_at         timestamptz  not null,
    status              varchar(20)  not null
        check (status in ('VALIDATING', 'VALIDATED', 'FAILED', 'COMMITTED')),
    -- progress while validating: rows read so far and the share of the sheet read (0–100)
    rows_read           integer      not null default 0,
    percent_read        smallint     not null default 0,
    -- the last sign of life of the validating thread; a stale one means it died with its JVM
    heartbeat_at        timestamptz  not null,
    -- why the file could not be read at all (a message key and its argument), when FAILED
    failure_key         varchar(100),
    failure_arg         varchar(200),
    valid_rows          integer      not null default 0,
    invalid_rows        integer      not null default 0,
    duplicate_rows      integer      not null default 0,
    existing_rows       integer      not null default 0,
    validated_at        timestamptz,
    confirmed_at        timestamptz,
    created_rows        integer      not null default 0,
    skipped_rows        integer      not null default 0
);
create index person_import_uploader on registry.person_import (uploaded_by, uploaded_at);

-- One data row of the sheet: the cells as written (for the report), the outcome with its reasons as message keys
-- ('key' or 'key|argument'), and for VALID rows the typed values to insert. After the confirmation the VALID rows
-- of an import are the people it created.
create table registry.person_import_row (
    import_id               bigint        not null references registry.person_import (id) on delete cascade,
    row_number              integer       not null,
    outcome                 varchar(20)   not null
        check (outcome in ('VALID', 'INVALID', 'DUPLICATE_IN_FILE', 'EXISTING')),
    problems                varchar(300)[] not null default '{}',
    id_number_cipher        bytea,
    id_number_index         bytea,
    id_number_masked        varchar(200),
    name                    varchar(200),
    phone                   varchar(200),
    residence_division_code varchar(200),
    local_hukou_text        varchar(200),
    economic_status_text    varchar(200),
    living_situation_text   varchar(200),
    death_date_text         varchar(200),
    sex                     varchar(6),
    birth_date              date,
    township_code           varchar(12),
    local_hukou             boolean,
    economic_status         varchar(30),
    living_situation        varchar(30)[],
    death_date              date,
    status                  varchar(20),
    primary key (import_id, row_number)
);
create index person_import_row_outcome on registry.person_import_row (import_id, outcome, row_number);
