package org.tierflow.core.internal.publicity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.tierflow.core.api.ObjectionOutcome;

/** An objection (异议): filed once, resolved once. */
@Entity
@Table(name = "tierflow_publicity_objection")
public class ObjectionEntity {

    @Id
    private String id;

    @Column(name = "publication_id", nullable = false, updatable = false)
    private String publicationId;

    @Column(name = "nomination_id", nullable = false, updatable = false)
    private String nominationId;

    @Column(name = "objector_id", nullable = false, updatable = false)
    private String objectorId;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "filed_at", nullable = false, updatable = false)
    private Instant filedAt;

    @Enumerated(EnumType.STRING)
    @Column
    private ObjectionOutcome outcome;

    @Column
    private String resolution;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getPublicationId() { return publicationId; }
    public void setPublicationId(String publicationId) { this.publicationId = publicationId; }
    public String getNominationId() { return nominationId; }
    public void setNominationId(String nominationId) { this.nominationId = nominationId; }
    public String getObjectorId() { return objectorId; }
    public void setObjectorId(String objectorId) { this.objectorId = objectorId; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Instant getFiledAt() { return filedAt; }
    public void setFiledAt(Instant filedAt) { this.filedAt = filedAt; }
    public ObjectionOutcome getOutcome() { return outcome; }
    public void setOutcome(ObjectionOutcome outcome) { this.outcome = outcome; }
    public String getResolution() { return resolution; }
    public void setResolution(String resolution) { this.resolution = resolution; }
    public String getResolvedBy() { return resolvedBy; }
    public void setResolvedBy(String resolvedBy) { this.resolvedBy = resolvedBy; }
    public Instant getResolvedAt() { return resolvedAt; }
    public void setResolvedAt(Instant resolvedAt) { this.resolvedAt = resolvedAt; }
}
