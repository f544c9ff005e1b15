package org.tierflow.core.internal.publicity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.tierflow.core.api.program.OrganisationLevel;

/** A publication (公示) of a unit's selected candidates. Locked (select ... for update) by every change. */
@Entity
@Table(name = "tierflow_publication")
public class PublicationEntity {

    @Id
    private String id;

    @Column(name = "program_code", nullable = false, updatable = false)
    private String programCode;

    @Column(name = "tier_code", nullable = false, updatable = false)
    private String tierCode;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private String unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private OrganisationLevel level;

    @Column(name = "working_days", nullable = false, updatable = false)
    private int workingDays;

    @Column(name = "starts_at", nullable = false, updatable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false, updatable = false)
    private Instant endsAt;

    @Column(name = "published_by", updatable = false)
    private String publishedBy;

    @Column(name = "replaces_nomination_id", updatable = false)
    private String replacesNominationId;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getProgramCode() { return programCode; }
    public void setProgramCode(String programCode) { this.programCode = programCode; }
    public String getTierCode() { return tierCode; }
    public void setTierCode(String tierCode) { this.tierCode = tierCode; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public OrganisationLevel getLevel() { return level; }
    public void setLevel(OrganisationLevel level) { this.level = level; }
    public int getWorkingDays() { return workingDays; }
    public void setWorkingDays(int workingDays) { this.workingDays = workingDays; }
    public Instant getStartsAt() { return startsAt; }
    public void setStartsAt(Instant startsAt) { this.startsAt = startsAt; }
    public Instant getEndsAt() { return endsAt; }
    public void setEndsAt(Instant endsAt) { this.endsAt = endsAt; }
    public String getPublishedBy() { return publishedBy; }
    public void setPublishedBy(String publishedBy) { this.publishedBy = publishedBy; }
    public String getReplacesNominationId() { return replacesNominationId; }
    public void setReplacesNominationId(String replacesNominationId) { this.replacesNominationId = replacesNominationId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public Instant getClosedAt() { return closedAt; }
    public void setClosedAt(Instant closedAt) { this.closedAt = closedAt; }
    public long getVersion() { return version; }
}
