package org.tierflow.core.internal.panel;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One criterion of a submitted score sheet; a null score is "not applicable". Append-only. */
@Entity
@Immutable
@Table(name = "tierflow_panel_criterion_score")
public class PanelCriterionScoreEntity {

    @Id
    private String id;

    @Column(name = "submission_id", nullable = false, updatable = false)
    private String submissionId;

    @Column(nullable = false, updatable = false)
    private int seq;

    @Column(name = "criterion_code", nullable = false, updatable = false)
    private String criterionCode;

    @Column(updatable = false, precision = 12, scale = 4)
    private BigDecimal score;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getSubmissionId() { return submissionId; }
    public void setSubmissionId(String submissionId) { this.submissionId = submissionId; }
    public int getSeq() { return seq; }
    public void setSeq(int seq) { this.seq = seq; }
    public String getCriterionCode() { return criterionCode; }
    public void setCriterionCode(String criterionCode) { this.criterionCode = criterionCode; }
    public BigDecimal getScore() { return score; }
    public void setScore(BigDecimal score) { this.score = score; }
}
