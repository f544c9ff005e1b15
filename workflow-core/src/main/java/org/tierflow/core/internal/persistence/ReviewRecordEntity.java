package org.tierflow.core.internal.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.tierflow.core.api.TimelineEntryType;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ReviewAction;

/** One entry of a nomination's history. Immutable: history is append-only. */
@Entity
@Immutable
@Table(name = "tierflow_review_record")
public class ReviewRecordEntity {

    @Id
    private String id;

    @Column(name = "nomination_id", nullable = false, updatable = false)
    private String nominationId;

    @Column(nullable = false, updatable = false)
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type", nullable = false, updatable = false)
    private TimelineEntryType type;

    @Column(name = "step_index", nullable = false, updatable = false)
    private int stepIndex;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private OrganisationLevel level;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ReviewAction action;

    @Column(name = "unit_id", updatable = false)
    private String unitId;

    @Column(name = "actor_id", updatable = false)
    private String actorId;

    @Column(updatable = false)
    private String comment;

    @Column(name = "attachments_json", nullable = false, updatable = false)
    private String attachmentsJson;

    @Column(name = "data_json", nullable = false, updatable = false)
    private String dataJson;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getNominationId() { return nominationId; }
    public void setNominationId(String nominationId) { this.nominationId = nominationId; }
    public int getSeq() { return seq; }
    public void setSeq(int seq) { this.seq = seq; }
    public TimelineEntryType getType() { return type; }
    public void setType(TimelineEntryType type) { this.type = type; }
    public int getStepIndex() { return stepIndex; }
    public void setStepIndex(int stepIndex) { this.stepIndex = stepIndex; }
    public OrganisationLevel getLevel() { return level; }
    public void setLevel(OrganisationLevel level) { this.level = level; }
    public ReviewAction getAction() { return action; }
    public void setAction(ReviewAction action) { this.action = action; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getActorId() { return actorId; }
    public void setActorId(String actorId) { this.actorId = actorId; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public String getAttachmentsJson() { return attachmentsJson; }
    public void setAttachmentsJson(String attachmentsJson) { this.attachmentsJson = attachmentsJson; }
    public String getDataJson() { return dataJson; }
    public void setDataJson(String dataJson) { this.dataJson = dataJson; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
