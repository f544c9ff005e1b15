-- An approver's inbox, kept by TierFlow (docs/reference/performance.md): one row per open level review and
-- per approver who sees it, exactly the tasks Flowable's task query with taskCandidateOrAssigned finds
-- (assigned to the approver, or unclaimed with the approver as a candidate user). Maintained in the engine's
-- transaction by an engine event listener (internal.engine.ReviewInbox), so every path that changes a review
-- task - TierFlow's services or a host calling Flowable directly - keeps it exact.
-- Portable SQL: runs on H2 (embedded default) and PostgreSQL (production).

create table tierflow_inbox (
    user_id             varchar(255) not null,
    task_id             varchar(64)  not null,
    process_instance_id varchar(64)  not null,
    -- the task's CREATE_TIME_, same type as the engine's column: the inbox orders by it, then by task id
    created_at          timestamp    not null,
    -- true: the task is assigned to user_id; false: unclaimed and user_id is a candidate
    claimed             boolean      not null,
    nomination_id       varchar(36),
    program_code        varchar(100),
    tier_code           varchar(100),
    review_level        varchar(20),
    constraint tierflow_inbox_pk primary key (user_id, task_id)
);

-- The first page is a range read of this index, the count an index-only count of the user's entries.
create index tierflow_inbox_user_created on tierflow_inbox (user_id, created_at, task_id);
-- A task's entries, rewritten when it is claimed, unclaimed, delegated, decided or cancelled.
create index tierflow_inbox_task on tierflow_inbox (task_id);

-- Backfill: the level reviews already open on an upgraded database (the engine's tables exist: TierFlow
-- migrates after the engine has built its schema). Assigned tasks belong to their assignee only ...
insert into tierflow_inbox (user_id, task_id, process_instance_id, created_at, claimed, nomination_id,
                            program_code, tier_code, review_level)
select t.ASSIGNEE_, t.ID_, t.PROC_INST_ID_, t.CREATE_TIME_, true,
       (select v.TEXT_ from ACT_RU_VARIABLE v
         where v.EXECUTION_ID_ = t.PROC_INST_ID_ and v.TASK_ID_ is null and v.NAME_ = 'nominationId'),
       (select v.TEXT_ from ACT_RU_VARIABLE v
         where v.EXECUTION_ID_ = t.PROC_INST_ID_ and v.TASK_ID_ is null and v.NAME_ = 'programCode'),
       (select v.TEXT_ from ACT_RU_VARIABLE v
         where v.EXECUTION_ID_ = t.PROC_INST_ID_ and v.TASK_ID_ is null and v.NAME_ = 'tierCode'),
       (select v.TEXT_ from ACT_RU_VARIABLE v
         where v.EXECUTION_ID_ = t.PROC_INST_ID_ and v.TASK_ID_ is null and v.NAME_ = 'reviewLevel')
  from ACT_RU_TASK t
 where t.TASK_DEF_KEY_ = 'Task_reviewNomination' and t.ASSIGNEE_ is not null and t.PROC_INST_ID_ is not null;

-- ... unclaimed tasks to each of their candidate users.
insert into tierflow_inbox (user_id, task_id, process_instance_id, created_at, claimed, nomination_id,
                            program_code, tier_code, review_level)
select c.USER_ID_, t.ID_, t.PROC_INST_ID_, t.CREATE_TIME_, false,
       (select v.TEXT_ from ACT_RU_VARIABLE v
         where v.EXECUTION_ID_ = t.PROC_INST_ID_ and v.TASK_ID_ is null and v.NAME_ = 'nominationId'),
       (select v.TEXT_ from ACT_RU_VARIABLE v
         where v.EXECUTION_ID_ = t.PROC_INST_ID_ and v.TASK_ID_ is null and v.NAME_ = 'programCode'),
       (select v.TEXT_ from ACT_RU_VARIABLE v
         where v.EXECUTION_ID_ = t.PROC_INST_ID_ and v.TASK_ID_ is null and v.NAME_ = 'tierCode'),
       (select v.TEXT_ from ACT_RU_VARIABLE v
         where v.EXECUTION_ID_ = t.PROC_INST_ID_ and v.TASK_ID_ is null and v.NAME_ = 'reviewLevel')
  from ACT_RU_TASK t
  join (select distinct l.TASK_ID_, l.USER_ID_ from ACT_RU_IDENTITYLINK l
         where l.TYPE_ = 'candidate' and l.USER_ID_ is not null and l.TASK_ID_ is not null) c on c.TASK_ID_ = t.ID_
 where t.TASK_DEF_KEY_ = 'Task_reviewNomination' and t.ASSIGNEE_ is null and t.PROC_INST_ID_ is not null;
