package org.tierflow.core.internal.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.tierflow.core.api.program.OrganisationLevel;

/** One spot-check draw (抽查); never updated. Its sampled items are {@link SpotCheckItemEntity} rows. */
@Entity
@Table(name = "tierflow_spot_check")
public class SpotCheckEntity {

    @Id
    private String id;

    @Column(name = "program_code", nullable = false, updatable = false)
    private String programCode;

    @Column(name = "auditing_unit_id", nullable = false, updatable = false)
    private String auditingUnitId;

    @Enumerated(EnumType.STRING)
    @Column(name = "auditing_level", nullable = false, updatable = false)
    private OrganisationLevel auditingLevel;

    @Column(name = "check_year", nullable = false, updatable = false)
    private int year;

    @Column(nullable = false, updatable = false)
    private long seed;

    /** {@code 10%} or {@code 5}, as {@link org.tierflow.core.api.program.SampleSize#toString()} writes it. */
    @Column(name = "candidate_sample", nullable = false, updatable = false)
    private String candidateSample;

    @Column(name = "unit_sample", nullable = false, updatable = false)
    private String unitSample;

    @Column(name = "candidate_population", nullable = false, updatable = false)
    private int candidatePopulation;

    @Column(name = "unit_population", nullable = false, updatable = false)
    private int unitPopulation;

    @Column(name = "population_digest", nullable = false, updatable = false)
    private String populationDigest;

    @Column(name = "drawn_by", nullable = false, updatable = false)
    private String drawnBy;

    @Column(name = "drawn_at", nullable = false, updatable = false)
    private Instant drawnAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getProgramCode() { return programCode; }
    public void setProgramCode(String programCode) { this.programCode = programCode; }
    public String getAuditingUnitId() { return auditingUnitId; }
    public void setAuditingUnitId(String auditingUnitId) { this.auditingUnitId = auditingUnitId; }
    public OrganisationLevel getAuditingLevel() { return auditingLevel; }
    public void setAuditingLevel(OrganisationLevel auditingLevel) { this.auditingLevel = auditingLevel; }
    public int getYear() { return year; }
    public void setYear(int year) { this.year = year; }
    public long getSeed() { return seed; }
    public void setSeed(long seed) { this.seed = seed; }
    public String getCandidateSample() { return candidateSample; }
    public void setCandidateSample(String candidateSample) { this.candidateSample = candidateSample; }
    public String getUnitSample() { return unitSample; }
    public void setUnitSample(String unitSample) { this.unitSample = unitSample; }
    public int getCandidatePopulation() { return candidatePopulation; }
    public void setCandidatePopulation(int candidatePopulation) { this.candidatePopulation = candidatePopulation; }
    public int getUnitPopulation() { return unitPopulation; }
    public void setUnitPopulation(int unitPopulation) { this.unitPopulation = unitPopulation; }
    public String getPopulationDigest() { return populationDigest; }
    public void setPopulationDigest(String populationDigest) { this.populationDigest = populationDigest; }
    public String getDrawnBy() { return drawnBy; }
    public void setDrawnBy(String drawnBy) { this.drawnBy = drawnBy; }
    public Instant getDrawnAt() { return drawnAt; }
    public void setDrawnAt(Instant drawnAt) { this.drawnAt = drawnAt; }
}
