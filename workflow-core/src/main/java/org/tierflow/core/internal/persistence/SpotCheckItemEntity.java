package org.tierflow.core.internal.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.tierflow.core.api.AuditFinding;
import org.tierflow.core.api.SpotCheckItem;

/** A sampled candidate or unit of a spot check; its finding is written once, when the audit is completed. */
@Entity
@Table(name = "tierflow_spot_check_item")
public class SpotCheckItemEntity {

    @Id
    private String id;

    @Column(name = "spot_check_id", nullable = false, updatable = false)
    private String spotCheckId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private SpotCheckItem.Kind kind;

    @Column(name = "draw_order", nullable = false, updatable = false)
    private int drawOrder;

    @Column(name = "nomination_id", updatable = false)
    private String nominationId;

    @Column(name = "tier_code", updatable = false)
    private String tierCode;

    @Column(name = "applicant_id", updatable = false)
    private String applicantId;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private String unitId;

    @Column(name = "managed_candidates", nullable = false, updatable = false)
    private int managedCandidates;

    @Enumerated(EnumType.STRING)
    private AuditFinding finding;

    @Column(name = "finding_comment")
    private String comment;

    @Column(name = "auditor_id")
    private String auditorId;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getSpotCheckId() { return spotCheckId; }
    public void setSpotCheckId(String spotCheckId) { this.spotCheckId = spotCheckId; }
    public SpotCheckItem.Kind getKind() { return kind; }
    public void setKind(SpotCheckItem.Kind kind) { this.kind = kind; }
    public int getDrawOrder() { return drawOrder; }
    public void setDrawOrder(int drawOrder) { this.drawOrder = drawOrder; }
    public String getNominationId() { return nominationId; }
    public void setNominationId(String nominationId) { this.nominationId = nominationId; }
    public String getTierCode() { return tierCode; }
    public void setTierCode(String tierCode) { this.tierCode = tierCode; }
    public String getApplicantId() { return applicantId; }
    public void setApplicantId(String applicantId) { this.applicantId = applicantId; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public int getManagedCandidates() { return managedCandidates; }
    public void setManagedCandidates(int managedCandidates) { this.managedCandidates = managedCandidates; }
    public AuditFinding getFinding() { return finding; }
    public void setFinding(AuditFinding finding) { this.finding = finding; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public String getAuditorId() { return auditorId; }
    public void setAuditorId(String auditorId) { this.auditorId = auditorId; }
    public Instant getCompletedAt() { return completedAt; }
    public void setCompletedAt(Instant completedAt) { this.completedAt = completedAt; }
    public long getVersion() { return version; }
}
