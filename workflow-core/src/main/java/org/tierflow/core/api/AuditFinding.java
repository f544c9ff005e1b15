package org.tierflow.core.api;

/** What the audit of a spot-checked candidate or unit found. */
public enum AuditFinding {
    /** The work or the management is as it should be. */
    OK,
    /** Problems were found; the comment says which (the basis for accountability, 追责). */
    ISSUES
}
