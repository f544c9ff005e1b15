-- An approver's open review of one nomination (InboxQuery.nomination: the task a REVIEW_WAITING notification's link
-- leads to) is found by the nomination's entries, whatever the size of the approver's inbox
-- (docs/reference/performance.md, "Growth (target d)"). Portable SQL: H2 and PostgreSQL.
create index tierflow_inbox_nomination on tierflow_inbox (nomination_id);
