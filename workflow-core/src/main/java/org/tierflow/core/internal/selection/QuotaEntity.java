package org.tierflow.core.internal.selection;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A unit's quota in one tier: what it was allocated (none: no limit of its own) and how many it passed on.
 * The row with unit id {@link QuotaLedger#TIER_TOTAL} holds the tier's total (per scope unit and/or year where the
 * tier's quota counts so).
 */
@Entity
@Table(name = "tierflow_quota")
public class QuotaEntity {

    @Id
    private String id;

    @Column(name = "program_code", nullable = false, updatable = false)
    private String programCode;

    @Column(name = "tier_code", nullable = false, updatable = false)
    private String tierCode;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private String unitId;

    @Column(name = "parent_unit_id")
    private String parentUnitId;

    @Column
    private Integer allocated;

    /** For a total row of a tier with a quota per unit at a level: that unit; otherwise empty. */
    @Column(name = "scope_unit_id", nullable = false, updatable = false)
    private String scopeUnitId = "";

    /** For a total row of a tier with a quota per year: the year; otherwise 0. */
    @Column(name = "quota_year", nullable = false, updatable = false)
    private int quotaYear;

    @Column(nullable = false)
    private int used;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

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
    public String getParentUnitId() { return parentUnitId; }
    public void setParentUnitId(String parentUnitId) { this.parentUnitId = parentUnitId; }
    public String getScopeUnitId() { return scopeUnitId; }
    public void setScopeUnitId(String scopeUnitId) { this.scopeUnitId = scopeUnitId; }
    public int getQuotaYear() { return quotaYear; }
    public void setQuotaYear(int quotaYear) { this.quotaYear = quotaYear; }
    public Integer getAllocated() { return allocated; }
    public void setAllocated(Integer allocated) { this.allocated = allocated; }
    public int getUsed() { return used; }
    public void setUsed(int used) { this.used = used; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public long getVersion() { return version; }
}
