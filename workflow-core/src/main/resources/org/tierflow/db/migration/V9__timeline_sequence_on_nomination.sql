-- The last sequence number of a nomination's timeline, kept on the nomination row (issue 9a). Appending an entry
-- used to find its number with `select max(seq)` over the timeline; the nomination row is read and updated by
-- every step anyway, so the number now travels with it (and the row's version guards it against two concurrent
-- appends, like the timeline's unique (nomination_id, seq) constraint does). Portable SQL: H2 and PostgreSQL.

alter table tierflow_nomination add column timeline_seq integer default 0 not null;

-- Nominations created before this migration continue their timeline after its last entry.
update tierflow_nomination
   set timeline_seq = coalesce((select max(r.seq) from tierflow_review_record r where r.nomination_id = tierflow_nomination.id), 0);
