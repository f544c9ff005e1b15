package org.tierflow.core.internal.selection;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A score recorded for a nomination at a chain step. Append-only: the latest one counts for ranking. */
@Entity
@Immutable
@Table(name = "tierflow_step_score")
public class StepScoreEntity {

    @Id
    private String id;

    @Column(name = "nomination_id", nullable = false, updatable = false)
    private String nominationId;

    @Column(name = "step_index", nullable = false, updatable = false)
    private int stepIndex;

    @Column(nullable = false, updatable = false)
    private int seq;

    @Column(nullable = false, updatable = false, precision = 12, scale = 4)
    private BigDecimal score;

    @Column(name = "actor_id", nullable = false, updatable = false)
    private String actorId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getNominationId() { return nominationId; }
    public void setNominationId(String nominationId) { this.nominationId = nominationId; }
    public int getStepIndex() { return stepIndex; }
    public void setStepIndex(int stepIndex) { this.stepIndex = stepIndex; }
    public int getSeq() { return seq; }
    public void setSeq(int seq) { this.seq = seq; }
    public BigDecimal getScore() { return score; }
    public void setScore(BigDecimal score) { this.score = score; }
    public String getActorId() { return actorId; }
    public void setActorId(String actorId) { this.actorId = actorId; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
