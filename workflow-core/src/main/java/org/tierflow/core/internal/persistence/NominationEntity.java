package org.tierflow.core.internal.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.program.CandidateKind;
import org.tierflow.core.api.program.OrganisationLevel;

/** A nomination's current state. Its history lives in {@link ReviewRecordEntity}. */
@Entity
@Table(name = "tierflow_nomination")
public class NominationEntity {

    @Id
    private String id;

    @Column(name = "program_code", nullable = false)
    private String programCode;

    @Column(name = "tier_code", nullable = false)
    private String tierCode;

    @Column(name = "applicant_id", nullable = false)
    private String applicantId;

    @Column(name = "unit_id", nullable = false)
    private String unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NominationState state;

    @Column(name = "step_index", nullable = false)
    private int stepIndex;

    @Enumerated(EnumType.STRING)
    @Column(name = "current_level")
    private OrganisationLevel currentLevel;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "facts_json", nullable = false)
    private String factsJson;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "candidate_kind", nullable = false)
    private CandidateKind candidateKind = CandidateKind.PERSON;

    @Column(name = "project_title")
    private String projectTitle;

    /** The school's unit id while a school's nomination holds its place (unique per program and tier); else null. */
    @Column(name = "candidate_key")
    private String candidateKey;

    /** The sequence number of the timeline's last entry (0: none yet); the next entry takes the one after it. */
    @Column(name = "timeline_seq", nullable = false)
    private int timelineSeq;

    @Version
    private long version;

    public CandidateKind getCandidateKind() { return candidateKind; }
    public void setCandidateKind(CandidateKind candidateKind) { this.candidateKind = candidateKind; }
    public String getProjectTitle() { return projectTitle; }
    public void setProjectTitle(String projectTitle) { this.projectTitle = projectTitle; }
    public String getCandidateKey() { return candidateKey; }
    public void setCandidateKey(String candidateKey) { this.candidateKey = candidateKey; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getProgramCode() { return programCode; }
    public void setProgramCode(String programCode) { this.programCode = programCode; }
    public String getTierCode() { return tierCode; }
    public void setTierCode(String tierCode) { this.tierCode = tierCode; }
    public String getApplicantId() { return applicantId; }
    public void setApplicantId(String applicantId) { this.applicantId = applicantId; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public NominationState getState() { return state; }
    public void setState(NominationState state) { this.state = state; }
    public int getStepIndex() { return stepIndex; }
    public void setStepIndex(int stepIndex) { this.stepIndex = stepIndex; }
    public OrganisationLevel getCurrentLevel() { return currentLevel; }
    public void setCurrentLevel(OrganisationLevel currentLevel) { this.currentLevel = currentLevel; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public String getFactsJson() { return factsJson; }
    public void setFactsJson(String factsJson) { this.factsJson = factsJson; }
    public Instant getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(Instant submittedAt) { this.submittedAt = submittedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public int getTimelineSeq() { return timelineSeq; }
    public void setTimelineSeq(int timelineSeq) { this.timelineSeq = timelineSeq; }
    public long getVersion() { return version; }
}
