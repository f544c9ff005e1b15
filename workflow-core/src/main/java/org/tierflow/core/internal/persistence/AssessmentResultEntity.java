package org.tierflow.core.internal.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One exam result of a nomination under review. Immutable: results are append-only. */
@Entity
@Immutable
@Table(name = "tierflow_assessment_result")
public class AssessmentResultEntity {

    @Id
    private String id;

    @Column(name = "nomination_id", nullable = false, updatable = false)
    private String nominationId;

    @Column(name = "assessment_code", nullable = false, updatable = false)
    private String assessmentCode;

    @Column(nullable = false, updatable = false, precision = 8, scale = 2)
    private BigDecimal score;

    @Column(name = "taken_on", nullable = false, updatable = false)
    private LocalDate takenOn;

    @Column(nullable = false, updatable = false)
    private String source;

    @Column(name = "external_result_id", nullable = false, updatable = false)
    private String externalResultId;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    /** The order recorded, per nomination: 1, 2, ... */
    @Column(nullable = false, updatable = false)
    private int seq;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getNominationId() { return nominationId; }
    public void setNominationId(String nominationId) { this.nominationId = nominationId; }
    public String getAssessmentCode() { return assessmentCode; }
    public void setAssessmentCode(String assessmentCode) { this.assessmentCode = assessmentCode; }
    public BigDecimal getScore() { return score; }
    public void setScore(BigDecimal score) { this.score = score; }
    public LocalDate getTakenOn() { return takenOn; }
    public void setTakenOn(LocalDate takenOn) { this.takenOn = takenOn; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getExternalResultId() { return externalResultId; }
    public void setExternalResultId(String externalResultId) { this.externalResultId = externalResultId; }
    public Instant getRecordedAt() { return recordedAt; }
    public void setRecordedAt(Instant recordedAt) { this.recordedAt = recordedAt; }
    public int getSeq() { return seq; }
    public void setSeq(int seq) { this.seq = seq; }
}
