package org.tierflow.core.internal.panel;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One expert's submitted score sheet. Append-only. */
@Entity
@Immutable
@Table(name = "tierflow_panel_submission")
public class PanelSubmissionEntity {

    @Id
    private String id;

    @Column(name = "assignment_id", nullable = false, updatable = false)
    private String assignmentId;

    @Column(name = "panel_run_id", nullable = false, updatable = false)
    private String panelRunId;

    @Column(name = "nomination_id", nullable = false, updatable = false)
    private String nominationId;

    @Column(name = "step_index", nullable = false, updatable = false)
    private int stepIndex;

    @Column(nullable = false, updatable = false)
    private int seq;

    @Column(name = "expert_id", nullable = false, updatable = false)
    private String expertId;

    @Column(nullable = false, updatable = false, precision = 12, scale = 4)
    private BigDecimal total;

    @Column(nullable = false, updatable = false)
    private boolean recommend;

    @Column(updatable = false)
    private String comment;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getAssignmentId() { return assignmentId; }
    public void setAssignmentId(String assignmentId) { this.assignmentId = assignmentId; }
    public String getPanelRunId() { return panelRunId; }
    public void setPanelRunId(String panelRunId) { this.panelRunId = panelRunId; }
    public String getNominationId() { return nominationId; }
    public void setNominationId(String nominationId) { this.nominationId = nominationId; }
    public int getStepIndex() { return stepIndex; }
    public void setStepIndex(int stepIndex) { this.stepIndex = stepIndex; }
    public int getSeq() { return seq; }
    public void setSeq(int seq) { this.seq = seq; }
    public String getExpertId() { return expertId; }
    public void setExpertId(String expertId) { this.expertId = expertId; }
    public BigDecimal getTotal() { return total; }
    public void setTotal(BigDecimal total) { this.total = total; }
    public boolean isRecommend() { return recommend; }
    public void setRecommend(boolean recommend) { this.recommend = recommend; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public Instant getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(Instant submittedAt) { this.submittedAt = submittedAt; }
}
