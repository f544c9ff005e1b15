-- Expert panels (专家评审): who was assigned to score a nomination at a chain step, what each expert submitted
-- (append-only, one row per criterion), and what the panel decided. A panel run is one level review (the
-- Flowable process instance of tierflowLevelReviewProcess), so a nomination reviewed twice at the same step has
-- two runs; run_no numbers the runs of a nomination (1, 2, ...), so the latest is known without relying on time.

create table tierflow_panel_assignment (
    id             varchar(36)  not null primary key,
    panel_run_id   varchar(64)  not null,
    run_no         integer      not null,
    nomination_id  varchar(36)  not null references tierflow_nomination (id),
    step_index     integer      not null,
    program_code   varchar(100) not null,
    tier_code      varchar(100) not null,
    review_unit_id varchar(255) not null,
    review_level   varchar(20)  not null,
    expert_id      varchar(255) not null,
    expert_unit_id varchar(255) not null,
    status         varchar(20)  not null,
    assigned_at    timestamp(6) with time zone not null,
    ended_at       timestamp(6) with time zone,
    constraint tierflow_panel_assignment_expert unique (panel_run_id, expert_id)
);

create index tierflow_panel_assignment_by_expert on tierflow_panel_assignment (expert_id, status);
create index tierflow_panel_assignment_by_nomination on tierflow_panel_assignment (nomination_id);

create table tierflow_panel_submission (
    id            varchar(36)  not null primary key,
    assignment_id varchar(36)  not null references tierflow_panel_assignment (id),
    panel_run_id  varchar(64)  not null,
    nomination_id varchar(36)  not null references tierflow_nomination (id),
    step_index    integer      not null,
    seq           integer      not null,
    expert_id     varchar(255) not null,
    total         numeric(12, 4) not null,
    recommend     boolean      not null,
    comment       varchar(4000),
    submitted_at  timestamp(6) with time zone not null,
    constraint tierflow_panel_submission_assignment unique (assignment_id),
    constraint tierflow_panel_submission_position unique (panel_run_id, seq)
);

create index tierflow_panel_submission_by_expert on tierflow_panel_submission (expert_id);

create table tierflow_panel_criterion_score (
    id             varchar(36)  not null primary key,
    submission_id  varchar(36)  not null references tierflow_panel_submission (id),
    seq            integer      not null,
    criterion_code varchar(255) not null,
    score          numeric(12, 4),
    constraint tierflow_panel_criterion_score_code unique (submission_id, criterion_code)
);

create table tierflow_panel_result (
    panel_run_id  varchar(64)  not null primary key,
    nomination_id varchar(36)  not null references tierflow_nomination (id),
    step_index    integer      not null,
    quorum        varchar(20)  not null,
    aggregation   varchar(20)  not null,
    recommended   boolean      not null,
    score         numeric(12, 4) not null,
    assigned      integer      not null,
    submitted     integer      not null,
    recommending  integer      not null,
    decided_at    timestamp(6) with time zone not null
);
