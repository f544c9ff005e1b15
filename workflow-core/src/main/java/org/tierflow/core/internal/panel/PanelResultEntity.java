package org.tierflow.core.internal.panel;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** What a panel run decided. Append-only. */
@Entity
@Immutable
@Table(name = "tierflow_panel_result")
public class PanelResultEntity {

    @Id
    @Column(name = "panel_run_id")
    private String panelRunId;

    @Column(name = "nomination_id", nullable = false, updatable = false)
    private String nominationId;

    @Column(name = "step_index", nullable = false, updatable = false)
    private int stepIndex;

    @Column(nullable = false, updatable = false)
    private String quorum;

    @Column(nullable = false, updatable = false)
    private String aggregation;

    @Column(nullable = false, updatable = false)
    private boolean recommended;

    @Column(nullable = false, updatable = false, precision = 12, scale = 4)
    private BigDecimal score;

    @Column(nullable = false, updatable = false)
    private int assigned;

    @Column(nullable = false, updatable = false)
    private int submitted;

    @Column(nullable = false, updatable = false)
    private int recommending;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    public String getPanelRunId() { return panelRunId; }
    public void setPanelRunId(String panelRunId) { this.panelRunId = panelRunId; }
    public String getNominationId() { return nominationId; }
    public void setNominationId(String nominationId) { this.nominationId = nominationId; }
    public int getStepIndex() { return stepIndex; }
    public void setStepIndex(int stepIndex) { this.stepIndex = stepIndex; }
    public String getQuorum() { return quorum; }
    public void setQuorum(String quorum) { this.quorum = quorum; }
    public String getAggregation() { return aggregation; }
    public void setAggregation(String aggregation) { this.aggregation = aggregation; }
    public boolean isRecommended() { return recommended; }
    public void setRecommended(boolean recommended) { this.recommended = recommended; }
    public BigDecimal getScore() { return score; }
    public void setScore(BigDecimal score) { this.score = score; }
    public int getAssigned() { return assigned; }
    public void setAssigned(int assigned) { this.assigned = assigned; }
    public int getSubmitted() { return submitted; }
    public void setSubmitted(int submitted) { this.submitted = submitted; }
    public int getRecommending() { return recommending; }
    public void setRecommending(int recommending) { this.recommending = recommending; }
    public Instant getDecidedAt() { return decidedAt; }
    public void setDecidedAt(Instant decidedAt) { this.decidedAt = decidedAt; }
}
