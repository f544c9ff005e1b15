package org.tierflow.core.internal.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One row of a nomination's training-hour ledger. Immutable: the ledger is append-only. */
@Entity
@Immutable
@Table(name = "tierflow_training_hours")
public class TrainingHoursEntity {

    @Id
    private String id;

    @Column(name = "nomination_id", nullable = false, updatable = false)
    private String nominationId;

    @Column(nullable = false, updatable = false)
    private String source;

    @Column(name = "external_record_id", nullable = false, updatable = false)
    private String externalRecordId;

    @Column(name = "category_code", nullable = false, updatable = false)
    private String categoryCode;

    @Column(nullable = false, updatable = false, precision = 6, scale = 2)
    private BigDecimal hours;

    @Column(name = "record_date", nullable = false, updatable = false)
    private LocalDate date;

    @Column(updatable = false)
    private String description;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getNominationId() { return nominationId; }
    public void setNominationId(String nominationId) { this.nominationId = nominationId; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getExternalRecordId() { return externalRecordId; }
    public void setExternalRecordId(String externalRecordId) { this.externalRecordId = externalRecordId; }
    public String getCategoryCode() { return categoryCode; }
    public void setCategoryCode(String categoryCode) { this.categoryCode = categoryCode; }
    public BigDecimal getHours() { return hours; }
    public void setHours(BigDecimal hours) { this.hours = hours; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Instant getRecordedAt() { return recordedAt; }
    public void setRecordedAt(Instant recordedAt) { this.recordedAt = recordedAt; }
}
