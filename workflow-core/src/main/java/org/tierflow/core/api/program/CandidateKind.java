package org.tierflow.core.api.program;

/** What a tier selects: people, or (Qingdao "135" plan) schools and projects. */
public enum CandidateKind {
    PERSON,
    SCHOOL,
    PROJECT
}
