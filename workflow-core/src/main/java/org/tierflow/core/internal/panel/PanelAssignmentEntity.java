package org.tierflow.core.internal.panel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One expert assigned to score one nomination in one panel run. The status moves from ASSIGNED to SUBMITTED or CANCELLED (the panel decided without them). */
@Entity
@Table(name = "tierflow_panel_assignment")
public class PanelAssignmentEntity {

    /** Where an assignment stands. */
    public enum Status { ASSIGNED, SUBMITTED, CANCELLED }

    @Id
    private String id;

    @Column(name = "panel_run_id", nullable = false, updatable = false)
    private String panelRunId;

    @Column(name = "run_no", nullable = false, updatable = false)
    private int runNo;

    @Column(name = "nomination_id", nullable = false, updatable = false)
    private String nominationId;

    @Column(name = "step_index", nullable = false, updatable = false)
    private int stepIndex;

    @Column(name = "program_code", nullable = false, updatable = false)
    private String programCode;

    @Column(name = "tier_code", nullable = false, updatable = false)
    private String tierCode;

    @Column(name = "review_unit_id", nullable = false, updatable = false)
    private String reviewUnitId;

    @Column(name = "review_level", nullable = false, updatable = false)
    private String reviewLevel;

    @Column(name = "expert_id", nullable = false, updatable = false)
    private String expertId;

    @Column(name = "expert_unit_id", nullable = false, updatable = false)
    private String expertUnitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "assigned_at", nullable = false, updatable = false)
    private Instant assignedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getPanelRunId() { return panelRunId; }
    public void setPanelRunId(String panelRunId) { this.panelRunId = panelRunId; }
    public int getRunNo() { return runNo; }
    public void setRunNo(int runNo) { this.runNo = runNo; }
    public String getNominationId() { return nominationId; }
    public void setNominationId(String nominationId) { this.nominationId = nominationId; }
    public int getStepIndex() { return stepIndex; }
    public void setStepIndex(int stepIndex) { this.stepIndex = stepIndex; }
    public String getProgramCode() { return programCode; }
    public void setProgramCode(String programCode) { this.programCode = programCode; }
    public String getTierCode() { return tierCode; }
    public void setTierCode(String tierCode) { this.tierCode = tierCode; }
    public String getReviewUnitId() { return reviewUnitId; }
    public void setReviewUnitId(String reviewUnitId) { this.reviewUnitId = reviewUnitId; }
    public String getReviewLevel() { return reviewLevel; }
    public void setReviewLevel(String reviewLevel) { this.reviewLevel = reviewLevel; }
    public String getExpertId() { return expertId; }
    public void setExpertId(String expertId) { this.expertId = expertId; }
    public String getExpertUnitId() { return expertUnitId; }
    public void setExpertUnitId(String expertUnitId) { this.expertUnitId = expertUnitId; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public Instant getAssignedAt() { return assignedAt; }
    public void setAssignedAt(Instant assignedAt) { this.assignedAt = assignedAt; }
    public Instant getEndedAt() { return endedAt; }
    public void setEndedAt(Instant endedAt) { this.endedAt = endedAt; }
}
