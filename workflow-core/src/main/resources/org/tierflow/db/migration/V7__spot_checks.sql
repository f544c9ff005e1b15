-- Yearly spot checks (抽查): a reproducible random sample of candidates in progress and of the units managing them,
-- and the audit of each sampled item. Portable SQL: runs on H2 (embedded default) and PostgreSQL (production).

-- One row per draw; never updated or deleted. The seed and the population (its size and a SHA-256 digest of the
-- sorted ids) are kept so anyone can draw the same sample again. One draw per program, auditing unit and year.
create table tierflow_spot_check (
    id                    varchar(36)  not null primary key,
    program_code          varchar(100) not null,
    auditing_unit_id      varchar(255) not null,
    auditing_level        varchar(20)  not null,
    check_year            integer      not null,
    seed                  bigint       not null,
    candidate_sample      varchar(20)  not null,
    unit_sample           varchar(20)  not null,
    candidate_population  integer      not null,
    unit_population       integer      not null,
    population_digest     varchar(64)  not null,
    drawn_by              varchar(255) not null,
    drawn_at              timestamp(6) with time zone not null,
    constraint tierflow_spot_check_once unique (program_code, auditing_unit_id, check_year)
);

-- One row per sampled candidate or unit, in draw order. The finding is written once, when the audit is completed.
create table tierflow_spot_check_item (
    id                 varchar(36)  not null primary key,
    spot_check_id      varchar(36)  not null references tierflow_spot_check (id),
    kind               varchar(20)  not null,
    draw_order         integer      not null,
    nomination_id      varchar(36)  references tierflow_nomination (id),
    tier_code          varchar(100),
    applicant_id       varchar(255),
    unit_id            varchar(255) not null,
    managed_candidates integer      not null,
    finding            varchar(20),
    finding_comment    varchar(4000),
    auditor_id         varchar(255),
    completed_at       timestamp(6) with time zone,
    version            bigint       not null,
    constraint tierflow_spot_check_item_order unique (spot_check_id, kind, draw_order)
);

create index tierflow_spot_check_item_open on tierflow_spot_check_item (spot_check_id, finding);
