package org.tierflow.core.internal.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.tierflow.core.api.program.OrganisationLevel;

/** A task book (项目任务书): its content is generated once; each signature is filled in once. */
@Entity
@Table(name = "tierflow_task_book")
public class TaskBookEntity {

    @Id
    @Column(name = "nomination_id", nullable = false)
    private String nominationId;

    @Column(name = "authority_unit_id", nullable = false)
    private String authorityUnitId;

    @Enumerated(EnumType.STRING)
    @Column(name = "authority_level", nullable = false)
    private OrganisationLevel authorityLevel;

    @Column(name = "content_json", nullable = false)
    private String contentJson;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "deadline", nullable = false)
    private Instant deadline;

    @Column(name = "candidate_signed_by")
    private String candidateSignedBy;

    @Column(name = "candidate_signed_at")
    private Instant candidateSignedAt;

    @Column(name = "countersigned_by")
    private String countersignedBy;

    @Column(name = "countersigned_at")
    private Instant countersignedAt;

    @Column(name = "signed_elsewhere_by")
    private String signedElsewhereBy;

    @Column(name = "signed_elsewhere_reason")
    private String signedElsewhereReason;

    @Column(name = "signed_elsewhere_at")
    private Instant signedElsewhereAt;

    @Version
    private long version;

    public String getNominationId() { return nominationId; }
    public void setNominationId(String nominationId) { this.nominationId = nominationId; }
    public String getAuthorityUnitId() { return authorityUnitId; }
    public void setAuthorityUnitId(String authorityUnitId) { this.authorityUnitId = authorityUnitId; }
    public OrganisationLevel getAuthorityLevel() { return authorityLevel; }
    public void setAuthorityLevel(OrganisationLevel authorityLevel) { this.authorityLevel = authorityLevel; }
    public String getContentJson() { return contentJson; }
    public void setContentJson(String contentJson) { this.contentJson = contentJson; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getDeadline() { return deadline; }
    public void setDeadline(Instant deadline) { this.deadline = deadline; }
    public String getCandidateSignedBy() { return candidateSignedBy; }
    public void setCandidateSignedBy(String candidateSignedBy) { this.candidateSignedBy = candidateSignedBy; }
    public Instant getCandidateSignedAt() { return candidateSignedAt; }
    public void setCandidateSignedAt(Instant candidateSignedAt) { this.candidateSignedAt = candidateSignedAt; }
    public String getCountersignedBy() { return countersignedBy; }
    public void setCountersignedBy(String countersignedBy) { this.countersignedBy = countersignedBy; }
    public Instant getCountersignedAt() { return countersignedAt; }
    public void setCountersignedAt(Instant countersignedAt) { this.countersignedAt = countersignedAt; }
    public String getSignedElsewhereBy() { return signedElsewhereBy; }
    public void setSignedElsewhereBy(String signedElsewhereBy) { this.signedElsewhereBy = signedElsewhereBy; }
    public String getSignedElsewhereReason() { return signedElsewhereReason; }
    public void setSignedElsewhereReason(String signedElsewhereReason) { this.signedElsewhereReason = signedElsewhereReason; }
    public Instant getSignedElsewhereAt() { return signedElsewhereAt; }
    public void setSignedElsewhereAt(Instant signedElsewhereAt) { this.signedElsewhereAt = signedElsewhereAt; }
    public long getVersion() { return version; }
}
