-- After selection: the life cycle of a selected candidate (task book, implementation, acceptance with
-- extensions, comprehensive evaluation), with an audit of every moved deadline.
-- Portable SQL: runs on H2 (embedded default) and PostgreSQL (production).

-- One row per candidate whose life cycle started: the phase and what the phases concluded.
create table tierflow_lifecycle (
    nomination_id            varchar(36)  not null primary key references tierflow_nomination (id),
    program_code             varchar(100) not null,
    tier_code                varchar(100) not null,
    phase                    varchar(40)  not null,
    started_at               timestamp(6) with time zone not null,
    working_period_starts_at timestamp(6) with time zone,
    working_period_ends_at   timestamp(6) with time zone,
    extensions_used          integer      not null,
    acceptance_passed        boolean,
    evaluation_score         numeric(9, 4),
    evaluation_qualified     boolean,
    updated_at               timestamp(6) with time zone not null,
    version                  bigint       not null
);

-- The task book (项目任务书): what it says is generated once from the definition and never changed; the
-- signatures are filled in once each. "Signed elsewhere" records who said so, why and when.
create table tierflow_task_book (
    nomination_id           varchar(36)   not null primary key references tierflow_nomination (id),
    authority_unit_id       varchar(255)  not null,
    authority_level         varchar(20)   not null,
    content_json            varchar(20000) not null,
    created_at              timestamp(6) with time zone not null,
    deadline                timestamp(6) with time zone not null,
    candidate_signed_by     varchar(255),
    candidate_signed_at     timestamp(6) with time zone,
    countersigned_by        varchar(255),
    countersigned_at        timestamp(6) with time zone,
    signed_elsewhere_by     varchar(255),
    signed_elsewhere_reason varchar(2000),
    signed_elsewhere_at     timestamp(6) with time zone,
    version                 bigint        not null
);

-- One row per acceptance round: 1 for the first acceptance, 2 after the first extension, ...
create table tierflow_acceptance_round (
    id                    varchar(36)   not null primary key,
    nomination_id         varchar(36)   not null references tierflow_nomination (id),
    round_no              integer       not null,
    opened_at             timestamp(6) with time zone not null,
    report                varchar(20000),
    report_submitted_at   timestamp(6) with time zone,
    on_site_date          date,
    expert_team_json      varchar(4000),
    on_site_scheduled_by  varchar(255),
    on_site_scheduled_at  timestamp(6) with time zone,
    score                 numeric(7, 2),
    passed                boolean,
    decided_by            varchar(255),
    decided_unit_id       varchar(255),
    decided_at            timestamp(6) with time zone,
    decision_comment      varchar(2000),
    version               bigint        not null,
    constraint tierflow_acceptance_round_no unique (nomination_id, round_no)
);

-- Append-only: what each level of the acceptance chain concluded, round by round.
create table tierflow_acceptance_review (
    id            varchar(36)   not null primary key,
    nomination_id varchar(36)   not null references tierflow_nomination (id),
    round_no      integer       not null,
    step_index    integer       not null,
    review_level  varchar(20)   not null,
    unit_id       varchar(255)  not null,
    actor_id      varchar(255)  not null,
    passed        boolean       not null,
    score         numeric(7, 2),
    review_comment varchar(2000),
    decided_at    timestamp(6) with time zone not null
);

create index tierflow_acceptance_review_nomination on tierflow_acceptance_review (nomination_id);

-- Append-only: one score sheet per evaluating party and candidate.
create table tierflow_evaluation_score (
    id            varchar(36)   not null primary key,
    nomination_id varchar(36)   not null references tierflow_nomination (id),
    party_code    varchar(100)  not null,
    scorer_id     varchar(255)  not null,
    scores_json   varchar(4000) not null,
    party_score   numeric(9, 4) not null,
    scored_at     timestamp(6) with time zone not null,
    constraint tierflow_evaluation_score_party unique (nomination_id, party_code)
);

-- Append-only audit of moved deadlines: who moved which deadline, from when to when, and why.
create table tierflow_deadline_change (
    id            varchar(36)   not null primary key,
    nomination_id varchar(36)   not null references tierflow_nomination (id),
    deadline_kind varchar(40)   not null,
    previous_at   timestamp(6) with time zone not null,
    new_at        timestamp(6) with time zone not null,
    reason        varchar(2000) not null,
    changed_by    varchar(255)  not null,
    changed_at    timestamp(6) with time zone not null
);

create index tierflow_deadline_change_nomination on tierflow_deadline_change (nomination_id);
