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

/** One phase a selected candidate has entered (table {@code tierflow_phase}); decided once, never rewritten. */
@Entity
@Table(name = "tierflow_phase")
public class PhaseEntity {

    @Id
    private String id;

    @Column(name = "nomination_id", nullable = false)
    private String nominationId;

    @Column(name = "phase_index", nullable = false)
    private int phaseIndex;

    @Column(name = "phase_code", nullable = false)
    private String phaseCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "decided_level", nullable = false)
    private OrganisationLevel decidedLevel;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    /** {@code PASSED} or {@code FAILED}; null while open. */
    @Column(name = "outcome")
    private String outcome;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "comment")
    private String comment;

    @Version
    private long version;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getNominationId() { return nominationId; }
    public void setNominationId(String nominationId) { this.nominationId = nominationId; }
    public int getPhaseIndex() { return phaseIndex; }
    public void setPhaseIndex(int phaseIndex) { this.phaseIndex = phaseIndex; }
    public String getPhaseCode() { return phaseCode; }
    public void setPhaseCode(String phaseCode) { this.phaseCode = phaseCode; }
    public OrganisationLevel getDecidedLevel() { return decidedLevel; }
    public void setDecidedLevel(OrganisationLevel decidedLevel) { this.decidedLevel = decidedLevel; }
    public Instant getStartedAt() { return startedAt; }
    public void setStartedAt(Instant startedAt) { this.startedAt = startedAt; }
    public Instant getDueAt() { return dueAt; }
    public void setDueAt(Instant dueAt) { this.dueAt = dueAt; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getDecidedBy() { return decidedBy; }
    public void setDecidedBy(String decidedBy) { this.decidedBy = decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public void setDecidedAt(Instant decidedAt) { this.decidedAt = decidedAt; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public long getVersion() { return version; }
}
