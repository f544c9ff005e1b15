package org.tierflow.core.internal.selection;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One allocation decision, as taken. Append-only. */
@Entity
@Immutable
@Table(name = "tierflow_quota_allocation")
public class QuotaAllocationEntity {

    @Id
    private String id;

    @Column(name = "program_code", nullable = false, updatable = false)
    private String programCode;

    @Column(name = "tier_code", nullable = false, updatable = false)
    private String tierCode;

    @Column(name = "parent_unit_id", nullable = false, updatable = false)
    private String parentUnitId;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private String unitId;

    @Column(nullable = false, updatable = false)
    private int allocated;

    @Column(name = "actor_id", nullable = false, updatable = false)
    private String actorId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getProgramCode() { return programCode; }
    public void setProgramCode(String programCode) { this.programCode = programCode; }
    public String getTierCode() { return tierCode; }
    public void setTierCode(String tierCode) { this.tierCode = tierCode; }
    public String getParentUnitId() { return parentUnitId; }
    public void setParentUnitId(String parentUnitId) { this.parentUnitId = parentUnitId; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public int getAllocated() { return allocated; }
    public void setAllocated(int allocated) { this.allocated = allocated; }
    public String getActorId() { return actorId; }
    public void setActorId(String actorId) { this.actorId = actorId; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
