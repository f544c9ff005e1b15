-- An approver's inbox at national scale (docs/reference/performance.md, "The inbox at 1,000,000 open reviews"):
-- 1. each entry carries everything a ReviewTask shows, so a page is read from tierflow_inbox alone, without the
--    engine's task and variable tables;
-- 2. each approver's number of entries, claimed and unclaimed, is kept in tierflow_inbox_count by the same listener
--    (internal.engine.ReviewInbox) in the same transaction, so the inbox's total is one row, not a count of up to
--    100,000 index entries.
-- Portable SQL: runs on H2 (embedded default) and PostgreSQL (production).

alter table tierflow_inbox add column applicant_id varchar(255);
alter table tierflow_inbox add column step_index integer;
alter table tierflow_inbox add column review_action varchar(20);
alter table tierflow_inbox add column step_name_zh varchar(4000);
alter table tierflow_inbox add column step_name_en varchar(4000);
alter table tierflow_inbox add column review_unit_id varchar(255);

-- Backfill: the entries already open on an upgraded database, from their level review's process variables
-- (an integer variable keeps its value in LONG_).
update tierflow_inbox set
    applicant_id = (select v.TEXT_ from ACT_RU_VARIABLE v where v.EXECUTION_ID_ = tierflow_inbox.process_instance_id
                       and v.TASK_ID_ is null and v.NAME_ = 'applicantId'),
    step_index = (select cast(v.LONG_ as integer) from ACT_RU_VARIABLE v
                   where v.EXECUTION_ID_ = tierflow_inbox.process_instance_id and v.TASK_ID_ is null and v.NAME_ = 'stepIndex'),
    review_action = (select v.TEXT_ from ACT_RU_VARIABLE v where v.EXECUTION_ID_ = tierflow_inbox.process_instance_id
                        and v.TASK_ID_ is null and v.NAME_ = 'reviewAction'),
    step_name_zh = (select v.TEXT_ from ACT_RU_VARIABLE v where v.EXECUTION_ID_ = tierflow_inbox.process_instance_id
                       and v.TASK_ID_ is null and v.NAME_ = 'stepNameZh'),
    step_name_en = (select v.TEXT_ from ACT_RU_VARIABLE v where v.EXECUTION_ID_ = tierflow_inbox.process_instance_id
                       and v.TASK_ID_ is null and v.NAME_ = 'stepNameEn'),
    review_unit_id = (select v.TEXT_ from ACT_RU_VARIABLE v where v.EXECUTION_ID_ = tierflow_inbox.process_instance_id
                         and v.TASK_ID_ is null and v.NAME_ = 'reviewUnitId');

-- One row per approver who ever had an entry; updated in user-id order (no deadlock between two transactions).
create table tierflow_inbox_count (
    user_id         varchar(255) not null primary key,
    claimed_count   bigint       not null,
    unclaimed_count bigint       not null
);

insert into tierflow_inbox_count (user_id, claimed_count, unclaimed_count)
select user_id, sum(case when claimed then 1 else 0 end), sum(case when claimed then 0 else 1 end)
  from tierflow_inbox group by user_id;
