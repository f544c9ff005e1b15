-- Indexes for TierFlow's own queries on the engine's tables (the engine's schema exists when TierFlow migrates).
-- Portable SQL: runs on H2 (embedded default) and PostgreSQL (production). Why and what they buy:
-- docs/reference/performance.md.

-- An approver's inbox starts from the approver's own candidate links: with (USER_ID_, TYPE_, TASK_ID_) the
-- lookup reads only that approver's index entries and never the link rows themselves. Flowable's own index holds
-- USER_ID_ alone.
create index tierflow_idx_ident_lnk_user_task on ACT_RU_IDENTITYLINK (USER_ID_, TYPE_, TASK_ID_);

-- ... and from the reviews the approver has claimed: Flowable has no index on the assignee of a task.
create index tierflow_idx_task_assignee on ACT_RU_TASK (ASSIGNEE_);
