package org.tierflow.core.internal.persistence;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/** The life cycle of one selected candidate: its phase and what the phases concluded. */
@Entity
@Table(name = "tierflow_lifecycle")
public class LifecycleEntity {

    @Id
    @Column(name = "nomination_id", nullable = false)
    private String nominationId;

    @Column(name = "program_code", nullable = false)
    private String programCode;

    @Column(name = "tier_code", nullable = false)
    private String tierCode;

    @Column(name = "phase", nullable = false)
    private String phase;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "working_period_starts_at")
    private Instant workingPeriodStartsAt;

    @Column(name = "working_period_ends_at")
    private Instant workingPeriodEndsAt;

    @Column(name = "extensions_used", nullable = false)
    private int extensionsUsed;

    @Column(name = "acceptance_passed")
    private Boolean acceptancePassed;

    @Column(name = "evaluation_score")
    private BigDecimal evaluationScore;

    @Column(name = "evaluation_qualified")
    private Boolean evaluationQualified;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    public String getNominationId() { return nominationId; }
    public void setNominationId(String nominationId) { this.nominationId = nominationId; }
    public String getProgramCode() { return programCode; }
    public void setProgramCode(String programCode) { this.programCode = programCode; }
    public String getTierCode() { return tierCode; }
    public void setTierCode(String tierCode) { this.tierCode = tierCode; }
    public String getPhase() { return phase; }
    public void setPhase(String phase) { this.phase = phase; }
    public Instant getStartedAt() { return startedAt; }
    public void setStartedAt(Instant startedAt) { this.startedAt = startedAt; }
    /**
     * Whether the working period was fixed when this row was created, in this command (not stored): the life cycle
     * of a tier without task book or phases goes straight into its implementation, and fixing the period before the
     * row is first written saves writing it twice.
     */
    @Transient
    private boolean workingPeriodFixedOnCreation;

    public boolean isWorkingPeriodFixedOnCreation() { return workingPeriodFixedOnCreation; }
    public void setWorkingPeriodFixedOnCreation(boolean fixed) { this.workingPeriodFixedOnCreation = fixed; }
    public Instant getWorkingPeriodStartsAt() { return workingPeriodStartsAt; }
    public void setWorkingPeriodStartsAt(Instant workingPeriodStartsAt) { this.workingPeriodStartsAt = workingPeriodStartsAt; }
    public Instant getWorkingPeriodEndsAt() { return workingPeriodEndsAt; }
    public void setWorkingPeriodEndsAt(Instant workingPeriodEndsAt) { this.workingPeriodEndsAt = workingPeriodEndsAt; }
    public int getExtensionsUsed() { return extensionsUsed; }
    public void setExtensionsUsed(int extensionsUsed) { this.extensionsUsed = extensionsUsed; }
    public Boolean getAcceptancePassed() { return acceptancePassed; }
    public void setAcceptancePassed(Boolean acceptancePassed) { this.acceptancePassed = acceptancePassed; }
    public BigDecimal getEvaluationScore() { return evaluationScore; }
    public void setEvaluationScore(BigDecimal evaluationScore) { this.evaluationScore = evaluationScore; }
    public Boolean getEvaluationQualified() { return evaluationQualified; }
    public void setEvaluationQualified(Boolean evaluationQualified) { this.evaluationQualified = evaluationQualified; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public long getVersion() { return version; }
}
