package org.tierflow.core.internal.selection;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.tierflow.core.api.program.OrganisationLevel;

/** A selection round (批次). */
@Entity
@Immutable
@Table(name = "tierflow_selection_round")
public class SelectionRoundEntity {

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

    @Column(name = "opens_at", nullable = false, updatable = false)
    private Instant opensAt;

    @Column(name = "closes_at", nullable = false, updatable = false)
    private Instant closesAt;

    @Column(name = "opened_by", nullable = false, updatable = false)
    private String openedBy;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

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
    public Instant getOpensAt() { return opensAt; }
    public void setOpensAt(Instant opensAt) { this.opensAt = opensAt; }
    public Instant getClosesAt() { return closesAt; }
    public void setClosesAt(Instant closesAt) { this.closesAt = closesAt; }
    public String getOpenedBy() { return openedBy; }
    public void setOpenedBy(String openedBy) { this.openedBy = openedBy; }
    public Instant getOpenedAt() { return openedAt; }
    public void setOpenedAt(Instant openedAt) { this.openedAt = openedAt; }
}
