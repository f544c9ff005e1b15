-- After selection: the training-hour ledger and the credential (认定证书).
-- Portable SQL: runs on H2 (embedded default) and PostgreSQL (production).

-- Append-only: one row per hour record a source sent; rows are inserted, never updated or deleted.
-- (source, external_record_id) identifies a record across re-sends: a re-send finds the stored row.
create table tierflow_training_hours (
    id                 varchar(36)   not null primary key,
    nomination_id      varchar(36)   not null references tierflow_nomination (id),
    source             varchar(100)  not null,
    external_record_id varchar(200)  not null,
    category_code      varchar(100)  not null,
    hours              numeric(6, 2) not null,
    record_date        date          not null,
    description        varchar(2000),
    recorded_at        timestamp(6) with time zone not null,
    constraint tierflow_training_hours_external unique (source, external_record_id)
);

create index tierflow_training_hours_nomination on tierflow_training_hours (nomination_id);

-- One row per certificate issued; never updated or deleted. What the certificate shows (titles, names) is
-- copied at issue, so a later change of the program definition or the organisation tree does not alter it.
create table tierflow_credential (
    id                      varchar(36)   not null primary key,
    credential_number       varchar(64)   not null,
    nomination_id           varchar(36)   not null references tierflow_nomination (id),
    program_code            varchar(100)  not null,
    tier_code               varchar(100)  not null,
    holder_id               varchar(255)  not null,
    holder_name             varchar(200),
    title_zh                varchar(500)  not null,
    title_en                varchar(500)  not null,
    tier_name_zh            varchar(500)  not null,
    tier_name_en            varchar(500)  not null,
    program_name_zh         varchar(500)  not null,
    program_name_en         varchar(500)  not null,
    issuing_unit_id         varchar(255)  not null,
    issuing_unit_name_zh    varchar(500)  not null,
    issuing_unit_name_en    varchar(500)  not null,
    issuing_level           varchar(20)   not null,
    issued_by               varchar(255)  not null,
    issued_at               timestamp(6) with time zone not null,
    issued_on               date          not null,
    constraint tierflow_credential_number unique (credential_number)
);

create index tierflow_credential_nomination on tierflow_credential (nomination_id);

-- A revocation is recorded beside the certificate, never by changing or deleting it. At most one per certificate.
create table tierflow_credential_revocation (
    credential_id varchar(36)   not null primary key references tierflow_credential (id),
    reason        varchar(2000) not null,
    revoked_by    varchar(255)  not null,
    revoked_at    timestamp(6) with time zone not null,
    revoked_on    date          not null
);
