-- Publicity (公示) of selected candidates, and objections (异议) to them.
-- Portable SQL: runs on H2 (embedded default) and PostgreSQL (production).

-- One row per publication: a unit's selected candidates, public from starts_at until ends_at (computed from the
-- working-day calendar). closed_at is set once, when the period is over and the candidates were confirmed.
create table tierflow_publication (
    id                     varchar(36)  not null primary key,
    program_code           varchar(100) not null,
    tier_code              varchar(100) not null,
    unit_id                varchar(255) not null,
    level                  varchar(20)  not null,
    working_days           integer      not null,
    starts_at              timestamp(6) with time zone not null,
    ends_at                timestamp(6) with time zone not null,
    published_by           varchar(255),
    replaces_nomination_id varchar(36),
    process_instance_id    varchar(64),
    closed_at              timestamp(6) with time zone,
    version                bigint       not null,
    constraint tierflow_publication_period check (ends_at > starts_at and working_days >= 1)
);

create index tierflow_publication_tier on tierflow_publication (program_code, tier_code);

-- One row per published candidate. A nomination is published once (a removed one is rejected for good).
create table tierflow_publicity_entry (
    id             varchar(36)  not null primary key,
    publication_id varchar(36)  not null references tierflow_publication (id),
    nomination_id  varchar(36)  not null references tierflow_nomination (id),
    position       integer      not null,
    status         varchar(20)  not null,
    decided_at     timestamp(6) with time zone,
    constraint tierflow_publicity_entry_once unique (nomination_id)
);

create index tierflow_publicity_entry_publication on tierflow_publicity_entry (publication_id);

-- Objections: filed once, resolved once (outcome and resolution are set together and never changed again).
create table tierflow_publicity_objection (
    id             varchar(36)   not null primary key,
    publication_id varchar(36)   not null references tierflow_publication (id),
    nomination_id  varchar(36)   not null references tierflow_nomination (id),
    objector_id    varchar(255)  not null,
    reason         varchar(4000) not null,
    filed_at       timestamp(6) with time zone not null,
    outcome        varchar(20),
    resolution     varchar(4000),
    resolved_by    varchar(255),
    resolved_at    timestamp(6) with time zone,
    constraint tierflow_publicity_objection_resolved check ((outcome is null and resolved_at is null)
        or (outcome is not null and resolution is not null and resolved_by is not null and resolved_at is not null))
);

create index tierflow_publicity_objection_publication on tierflow_publicity_objection (publication_id);
