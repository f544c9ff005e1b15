-- Selection under quota: quotas allocated down the organisation tree, their use, selection rounds, scores.
-- Portable SQL: runs on H2 (embedded default) and PostgreSQL (production).

-- One row per program, tier and unit that has an allocation or has passed a candidate on. unit_id '*' is the
-- tier's total (the top unit's own quota). Passes lock the row (select ... for update), so a quota holds under
-- any concurrency; the check constraint is the database's own last word on it.
create table tierflow_quota (
    id             varchar(36)  not null primary key,
    program_code   varchar(100) not null,
    tier_code      varchar(100) not null,
    unit_id        varchar(255) not null,
    parent_unit_id varchar(255),
    allocated      integer,
    used           integer      not null,
    updated_at     timestamp(6) with time zone not null,
    version        bigint       not null,
    constraint tierflow_quota_unit unique (program_code, tier_code, unit_id),
    constraint tierflow_quota_within check (used >= 0 and (allocated is null or (allocated >= 0 and used <= allocated)))
);

create index tierflow_quota_parent on tierflow_quota (program_code, tier_code, parent_unit_id);

-- Which nomination holds a slot of which quota; released_at is set when a selected candidate withdraws.
create table tierflow_quota_use (
    id             varchar(36)  not null primary key,
    quota_id       varchar(36)  not null references tierflow_quota (id),
    nomination_id  varchar(36)  not null references tierflow_nomination (id),
    step_index     integer      not null,
    used_at        timestamp(6) with time zone not null,
    released_at    timestamp(6) with time zone,
    constraint tierflow_quota_use_once unique (quota_id, nomination_id)
);

create index tierflow_quota_use_nomination on tierflow_quota_use (nomination_id);

-- Append-only: every allocation decision, as taken.
create table tierflow_quota_allocation (
    id             varchar(36)  not null primary key,
    program_code   varchar(100) not null,
    tier_code      varchar(100) not null,
    parent_unit_id varchar(255) not null,
    unit_id        varchar(255) not null,
    allocated      integer      not null,
    actor_id       varchar(255) not null,
    created_at     timestamp(6) with time zone not null
);

create table tierflow_selection_round (
    id           varchar(36)  not null primary key,
    program_code varchar(100) not null,
    tier_code    varchar(100) not null,
    unit_id      varchar(255) not null,
    level        varchar(20)  not null,
    opens_at     timestamp(6) with time zone not null,
    closes_at    timestamp(6) with time zone not null,
    opened_by    varchar(255) not null,
    opened_at    timestamp(6) with time zone not null
);

create index tierflow_selection_round_unit on tierflow_selection_round (program_code, tier_code, unit_id, level);

-- Append-only: what each round did to each nomination (SELECTED, REJECTED, PROMOTED, WITHDRAWN).
create table tierflow_round_selection (
    id             varchar(36)  not null primary key,
    round_id       varchar(36)  not null references tierflow_selection_round (id),
    nomination_id  varchar(36)  not null references tierflow_nomination (id),
    outcome        varchar(20)  not null,
    rank_in_round  integer,
    actor_id       varchar(255),
    comment        varchar(4000),
    related_nomination_id varchar(36),
    created_at     timestamp(6) with time zone not null
);

create index tierflow_round_selection_round on tierflow_round_selection (round_id);
create index tierflow_round_selection_nomination on tierflow_round_selection (nomination_id);

-- Append-only: scores recorded for a nomination at a chain step; the latest counts for ranking.
create table tierflow_step_score (
    id            varchar(36)  not null primary key,
    nomination_id varchar(36)  not null references tierflow_nomination (id),
    step_index    integer      not null,
    seq           integer      not null,
    score         numeric(12, 4) not null,
    actor_id      varchar(255) not null,
    created_at    timestamp(6) with time zone not null,
    constraint tierflow_step_score_seq unique (nomination_id, step_index, seq)
);
