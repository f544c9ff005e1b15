-- TierFlow's own records. Portable SQL: runs on H2 (embedded default) and PostgreSQL (production).

create table tierflow_nomination (
    id                  varchar(36)  not null primary key,
    program_code        varchar(100) not null,
    tier_code           varchar(100) not null,
    applicant_id        varchar(255) not null,
    unit_id             varchar(255) not null,
    state               varchar(40)  not null,
    step_index          integer      not null,
    current_level       varchar(20),
    process_instance_id varchar(64),
    facts_json          varchar(20000) not null,
    submitted_at        timestamp(6) with time zone not null,
    updated_at          timestamp(6) with time zone not null,
    version             bigint       not null
);

create index tierflow_nomination_program_tier_state on tierflow_nomination (program_code, tier_code, state);
create index tierflow_nomination_applicant on tierflow_nomination (applicant_id);

-- Append-only: rows are inserted, never updated or deleted.
create table tierflow_review_record (
    id               varchar(36)  not null primary key,
    nomination_id    varchar(36)  not null references tierflow_nomination (id),
    seq              integer      not null,
    entry_type       varchar(40)  not null,
    step_index       integer      not null,
    level            varchar(20),
    action           varchar(20),
    unit_id          varchar(255),
    actor_id         varchar(255),
    comment          varchar(4000),
    attachments_json varchar(4000) not null,
    data_json        varchar(20000) not null,
    created_at       timestamp(6) with time zone not null,
    constraint tierflow_review_record_seq unique (nomination_id, seq)
);
