package org.tierflow.core.internal.persistence;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import org.tierflow.core.api.program.OrganisationLevel;

/** What one level of the acceptance chain concluded in one round. Immutable. */
@Entity
@Immutable
@Table(name = "tierflow_acceptance_review")
public class AcceptanceReviewEntity {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private String id;

    @Column(name = "nomination_id", nullable = false, updatable = false)
    private String nominationId;

    @Column(name = "round_no", nullable = false, updatable = false)
    private int roundNo;

    @Column(name = "step_index", nullable = false, updatable = false)
    private int stepIndex;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_level", nullable = false, updatable = false)
    private OrganisationLevel level;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private String unitId;

    @Column(name = "actor_id", nullable = false, updatable = false)
    private String actorId;

    @Column(name = "passed", nullable = false, updatable = false)
    private boolean passed;

    @Column(name = "score", updatable = false)
    private BigDecimal score;

    @Column(name = "review_comment", updatable = false)
    private String comment;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getNominationId() { return nominationId; }
    public void setNominationId(String nominationId) { this.nominationId = nominationId; }
    public int getRoundNo() { return roundNo; }
    public void setRoundNo(int roundNo) { this.roundNo = roundNo; }
    public int getStepIndex() { return stepIndex; }
    public void setStepIndex(int stepIndex) { this.stepIndex = stepIndex; }
    public OrganisationLevel getLevel() { return level; }
    public void setLevel(OrganisationLevel level) { this.level = level; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getActorId() { return actorId; }
    public void setActorId(String actorId) { this.actorId = actorId; }
    public boolean getPassed() { return passed; }
    public void setPassed(boolean passed) { this.passed = passed; }
    public BigDecimal getScore() { return score; }
    public void setScore(BigDecimal score) { this.score = score; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public Instant getDecidedAt() { return decidedAt; }
    public void setDecidedAt(Instant decidedAt) { this.decidedAt = decidedAt; }
}
