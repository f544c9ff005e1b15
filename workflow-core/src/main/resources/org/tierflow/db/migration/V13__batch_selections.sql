-- Batch selections applied by engine jobs (SelectionService.submitBatch, docs/guides/selection.md): the batch as
-- submitted, and one row per item (a nomination to pass or, with reject_others, to reject) with its state.
-- The submission checks everything, reserves the quota and writes these rows in one transaction; Flowable async
-- jobs (one per chunk of items) then apply the items, each chunk in its own transaction.
-- Portable SQL: runs on H2 (embedded default) and PostgreSQL (production).

create table tierflow_batch_selection (
    id            varchar(36)   not null primary key,
    round_id      varchar(36)   not null references tierflow_selection_round (id),
    user_id       varchar(255)  not null,
    comment_text  varchar(4000),
    reject_others boolean       not null,
    item_count    integer       not null,
    chunk_count   integer       not null,
    submitted_at  timestamp(6) with time zone not null
);

create index tierflow_batch_selection_round on tierflow_batch_selection (round_id);

-- state: PENDING until its chunk's job applied it (APPLIED), or FAILED when the job found it could no longer be
-- applied (its review was decided meanwhile); a chunk whose job failed for good is reported from the engine's
-- dead-letter job and keeps its items PENDING (reserved, refused to everybody else) until it is retried.
create table tierflow_batch_item (
    batch_id      varchar(36)   not null references tierflow_batch_selection (id),
    seq           integer       not null,
    chunk         integer       not null,
    nomination_id varchar(36)   not null,
    task_id       varchar(64)   not null,
    outcome       varchar(10)   not null,
    item_rank     integer       not null,
    score         numeric(12, 4),
    state         varchar(10)   not null,
    message       varchar(4000),
    applied_at    timestamp(6) with time zone,
    constraint tierflow_batch_item_pk primary key (batch_id, seq)
);

-- Every decide, claim and withdrawal asks whether its review or nomination is pending in a batch.
create index tierflow_batch_item_task on tierflow_batch_item (task_id, state);
create index tierflow_batch_item_nomination on tierflow_batch_item (nomination_id, state);
