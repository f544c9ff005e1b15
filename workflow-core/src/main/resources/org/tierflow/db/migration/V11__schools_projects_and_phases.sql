-- Program B's schools and projects as candidates (candidateKind SCHOOL / PROJECT), and the phases a tier's work
-- runs through after selection (phases in the program definition). Portable SQL: H2 and PostgreSQL.

-- What the candidate is: a person (default, every nomination before this version), the applying school, or a
-- project its unit owns (then project_title names it).
alter table tierflow_nomination add column candidate_kind varchar(20) default 'PERSON' not null;
alter table tierflow_nomination add column project_title varchar(400);
-- A school's unit id while its nomination holds the school's place in the tier (cleared on withdrawal); null for
-- people and projects. NULLs never collide, so the key only limits schools: one nomination per school and tier.
alter table tierflow_nomination add column candidate_key varchar(255);
alter table tierflow_nomination add constraint tierflow_nomination_candidate
    unique (program_code, tier_code, candidate_key);

-- One row per phase a selected candidate has entered, in the definition's order. Open while outcome is null;
-- decided once (PASSED or FAILED), never rewritten.
create table tierflow_phase (
    id            varchar(36)  not null primary key,
    nomination_id varchar(36)  not null references tierflow_nomination (id),
    phase_index   integer      not null,
    phase_code    varchar(100) not null,
    decided_level varchar(20)  not null,
    started_at    timestamp(6) with time zone not null,
    due_at        timestamp(6) with time zone not null,
    outcome       varchar(20),
    decided_by    varchar(255),
    decided_at    timestamp(6) with time zone,
    comment       varchar(4000),
    version       bigint       not null,
    constraint tierflow_phase_position unique (nomination_id, phase_index)
);
