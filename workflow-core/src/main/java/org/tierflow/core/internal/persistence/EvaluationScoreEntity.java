package org.tierflow.core.internal.persistence;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One party's score sheet in a comprehensive evaluation. Immutable. */
@Entity
@Immutable
@Table(name = "tierflow_evaluation_score")
public class EvaluationScoreEntity {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private String id;

    @Column(name = "nomination_id", nullable = false, updatable = false)
    private String nominationId;

    @Column(name = "party_code", nullable = false, updatable = false)
    private String partyCode;

    @Column(name = "scorer_id", nullable = false, updatable = false)
    private String scorerId;

    @Column(name = "scores_json", nullable = false, updatable = false)
    private String scoresJson;

    @Column(name = "party_score", nullable = false, updatable = false)
    private BigDecimal partyScore;

    @Column(name = "scored_at", nullable = false, updatable = false)
    private Instant scoredAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getNominationId() { return nominationId; }
    public void setNominationId(String nominationId) { this.nominationId = nominationId; }
    public String getPartyCode() { return partyCode; }
    public void setPartyCode(String partyCode) { this.partyCode = partyCode; }
    public String getScorerId() { return scorerId; }
    public void setScorerId(String scorerId) { this.scorerId = scorerId; }
    public String getScoresJson() { return scoresJson; }
    public void setScoresJson(String scoresJson) { this.scoresJson = scoresJson; }
    public BigDecimal getPartyScore() { return partyScore; }
    public void setPartyScore(BigDecimal partyScore) { this.partyScore = partyScore; }
    public Instant getScoredAt() { return scoredAt; }
    public void setScoredAt(Instant scoredAt) { this.scoredAt = scoredAt; }
}
