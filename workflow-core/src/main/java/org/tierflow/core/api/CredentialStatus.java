package org.tierflow.core.api;

/** Whether a credential still stands. */
public enum CredentialStatus {
    /** Issued and not revoked. */
    VALID,
    /** Revoked by the issuing authority; the record stays, with the reason. */
    REVOKED
}
