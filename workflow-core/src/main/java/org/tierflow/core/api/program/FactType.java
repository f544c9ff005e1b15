package org.tierflow.core.api.program;

/** The type of a fact an applicant declares on the application form. */
public enum FactType {
    NUMBER,
    BOOLEAN,
    TEXT
}
