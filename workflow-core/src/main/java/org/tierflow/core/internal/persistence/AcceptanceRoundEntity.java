package org.tierflow.core.internal.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One acceptance round: the report, the on-site acceptance and the outcome. */
@Entity
@Table(name = "tierflow_acceptance_round")
public class AcceptanceRoundEntity {

    @Id
    @Column(name = "id", nullable = false)
    private String id;

    @Column(name = "nomination_id", nullable = false)
    private String nominationId;

    @Column(name = "round_no", nullable = false)
    private int roundNo;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "report")
    private String report;

    @Column(name = "report_submitted_at")
    private Instant reportSubmittedAt;

    @Column(name = "on_site_date")
    private LocalDate onSiteDate;

    @Column(name = "expert_team_json")
    private String expertTeamJson;

    @Column(name = "on_site_scheduled_by")
    private String onSiteScheduledBy;

    @Column(name = "on_site_scheduled_at")
    private Instant onSiteScheduledAt;

    @Column(name = "score")
    private BigDecimal score;

    @Column(name = "passed")
    private Boolean passed;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_unit_id")
    private String decidedUnitId;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_comment")
    private String decisionComment;

    @Version
    private long version;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getNominationId() { return nominationId; }
    public void setNominationId(String nominationId) { this.nominationId = nominationId; }
    public int getRoundNo() { return roundNo; }
    public void setRoundNo(int roundNo) { this.roundNo = roundNo; }
    public Instant getOpenedAt() { return openedAt; }
    public void setOpenedAt(Instant openedAt) { this.openedAt = openedAt; }
    public String getReport() { return report; }
    public void setReport(String report) { this.report = report; }
    public Instant getReportSubmittedAt() { return reportSubmittedAt; }
    public void setReportSubmittedAt(Instant reportSubmittedAt) { this.reportSubmittedAt = reportSubmittedAt; }
    public LocalDate getOnSiteDate() { return onSiteDate; }
    public void setOnSiteDate(LocalDate onSiteDate) { this.onSiteDate = onSiteDate; }
    public String getExpertTeamJson() { return expertTeamJson; }
    public void setExpertTeamJson(String expertTeamJson) { this.expertTeamJson = expertTeamJson; }
    public String getOnSiteScheduledBy() { return onSiteScheduledBy; }
    public void setOnSiteScheduledBy(String onSiteScheduledBy) { this.onSiteScheduledBy = onSiteScheduledBy; }
    public Instant getOnSiteScheduledAt() { return onSiteScheduledAt; }
    public void setOnSiteScheduledAt(Instant onSiteScheduledAt) { this.onSiteScheduledAt = onSiteScheduledAt; }
    public BigDecimal getScore() { return score; }
    public void setScore(BigDecimal score) { this.score = score; }
    public Boolean getPassed() { return passed; }
    public void setPassed(Boolean passed) { this.passed = passed; }
    public String getDecidedBy() { return decidedBy; }
    public void setDecidedBy(String decidedBy) { this.decidedBy = decidedBy; }
    public String getDecidedUnitId() { return decidedUnitId; }
    public void setDecidedUnitId(String decidedUnitId) { this.decidedUnitId = decidedUnitId; }
    public Instant getDecidedAt() { return decidedAt; }
    public void setDecidedAt(Instant decidedAt) { this.decidedAt = decidedAt; }
    public String getDecisionComment() { return decisionComment; }
    public void setDecisionComment(String decisionComment) { this.decisionComment = decisionComment; }
    public long getVersion() { return version; }
}
