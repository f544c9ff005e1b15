package org.tierflow.core.internal.persistence;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** The revocation of one credential, recorded beside it; at most one per credential. Immutable. */
@Entity
@Immutable
@Table(name = "tierflow_credential_revocation")
public class CredentialRevocationEntity {

    @Id
    @Column(name = "credential_id")
    private String credentialId;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "revoked_by", nullable = false, updatable = false)
    private String revokedBy;

    @Column(name = "revoked_at", nullable = false, updatable = false)
    private Instant revokedAt;

    @Column(name = "revoked_on", nullable = false, updatable = false)
    private LocalDate revokedOn;

    public String getCredentialId() { return credentialId; }
    public void setCredentialId(String credentialId) { this.credentialId = credentialId; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getRevokedBy() { return revokedBy; }
    public void setRevokedBy(String revokedBy) { this.revokedBy = revokedBy; }
    public Instant getRevokedAt() { return revokedAt; }
    public void setRevokedAt(Instant revokedAt) { this.revokedAt = revokedAt; }
    public LocalDate getRevokedOn() { return revokedOn; }
    public void setRevokedOn(LocalDate revokedOn) { this.revokedOn = revokedOn; }
}
