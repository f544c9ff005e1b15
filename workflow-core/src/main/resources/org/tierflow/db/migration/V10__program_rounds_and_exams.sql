-- Quota scope and exams. Portable SQL: runs on H2 (embedded default) and PostgreSQL (production).

-- A tier's total may count per unit at a level (scope_unit_id: that unit) and/or per year (quota_year), so one
-- tier has several total rows. '' and 0 mean "not scoped"; existing rows keep their ids and meaning.
alter table tierflow_quota add column scope_unit_id varchar(255) default '' not null;
alter table tierflow_quota add column quota_year integer default 0 not null;
alter table tierflow_quota drop constraint tierflow_quota_unit;
alter table tierflow_quota add constraint tierflow_quota_unit unique (program_code, tier_code, unit_id, scope_unit_id, quota_year);

-- Exam results (assessments of a tier) reported by the host's exam platform. Append-only; (source,
-- external_result_id) identifies a result, so a platform may resend it freely. The latest result of a nomination
-- in an assessment counts: by the day taken, then seq (the order recorded for the nomination).
create table tierflow_assessment_result (
    id                  varchar(36)  not null primary key,
    nomination_id       varchar(36)  not null references tierflow_nomination (id),
    assessment_code     varchar(100) not null,
    score               numeric(8, 2) not null,
    taken_on            date         not null,
    source              varchar(100) not null,
    external_result_id  varchar(200) not null,
    recorded_at         timestamp(6) with time zone not null,
    seq                 integer      not null,
    constraint tierflow_assessment_result_once unique (source, external_result_id),
    constraint tierflow_assessment_result_seq unique (nomination_id, seq)
);

create index tierflow_assessment_result_nomination on tierflow_assessment_result (nomination_id, assessment_code);
