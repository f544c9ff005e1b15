package org.tierflow.core.internal.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A moved deadline: who moved which, from when to when, and why. Immutable. */
@Entity
@Immutable
@Table(name = "tierflow_deadline_change")
public class DeadlineChangeEntity {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private String id;

    @Column(name = "nomination_id", nullable = false, updatable = false)
    private String nominationId;

    @Column(name = "deadline_kind", nullable = false, updatable = false)
    private String deadlineKind;

    @Column(name = "previous_at", nullable = false, updatable = false)
    private Instant previousAt;

    @Column(name = "new_at", nullable = false, updatable = false)
    private Instant newAt;

    @Column(name = "reason", nullable = false, updatable = false)
    private String reason;

    @Column(name = "changed_by", nullable = false, updatable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getNominationId() { return nominationId; }
    public void setNominationId(String nominationId) { this.nominationId = nominationId; }
    public String getDeadlineKind() { return deadlineKind; }
    public void setDeadlineKind(String deadlineKind) { this.deadlineKind = deadlineKind; }
    public Instant getPreviousAt() { return previousAt; }
    public void setPreviousAt(Instant previousAt) { this.previousAt = previousAt; }
    public Instant getNewAt() { return newAt; }
    public void setNewAt(Instant newAt) { this.newAt = newAt; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getChangedBy() { return changedBy; }
    public void setChangedBy(String changedBy) { this.changedBy = changedBy; }
    public Instant getChangedAt() { return changedAt; }
    public void setChangedAt(Instant changedAt) { this.changedAt = changedAt; }
}
