package org.tierflow.core.internal.selection;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** What a round did to one nomination. Append-only: a withdrawal adds a row, it never changes one. */
@Entity
@Immutable
@Table(name = "tierflow_round_selection")
public class RoundSelectionEntity {

    /** What happened. */
    public enum Outcome {
        /** Passed in a batch. */
        SELECTED,
        /** Rejected with a batch ({@code rejectOthers}). */
        REJECTED,
        /** Passed from the waitlist when a selected candidate withdrew. */
        PROMOTED,
        /** A selected (or promoted) candidate withdrew. */
        WITHDRAWN,
        /** A selected (or promoted) candidate was removed after an upheld publicity objection. */
        REMOVED
    }

    @Id
    private String id;

    @Column(name = "round_id", nullable = false, updatable = false)
    private String roundId;

    @Column(name = "nomination_id", nullable = false, updatable = false)
    private String nominationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Outcome outcome;

    @Column(name = "rank_in_round", updatable = false)
    private Integer rank;

    @Column(name = "actor_id", updatable = false)
    private String actorId;

    @Column(updatable = false)
    private String comment;

    @Column(name = "related_nomination_id", updatable = false)
    private String relatedNominationId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRoundId() { return roundId; }
    public void setRoundId(String roundId) { this.roundId = roundId; }
    public String getNominationId() { return nominationId; }
    public void setNominationId(String nominationId) { this.nominationId = nominationId; }
    public Outcome getOutcome() { return outcome; }
    public void setOutcome(Outcome outcome) { this.outcome = outcome; }
    public Integer getRank() { return rank; }
    public void setRank(Integer rank) { this.rank = rank; }
    public String getActorId() { return actorId; }
    public void setActorId(String actorId) { this.actorId = actorId; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public String getRelatedNominationId() { return relatedNominationId; }
    public void setRelatedNominationId(String relatedNominationId) { this.relatedNominationId = relatedNominationId; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
