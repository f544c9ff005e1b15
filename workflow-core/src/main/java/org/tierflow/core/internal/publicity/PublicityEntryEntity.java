package org.tierflow.core.internal.publicity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.tierflow.core.api.PublicityEntryStatus;

/** One published candidate. Its status changes once: to confirmed or removed. */
@Entity
@Table(name = "tierflow_publicity_entry")
public class PublicityEntryEntity {

    @Id
    private String id;

    @Column(name = "publication_id", nullable = false, updatable = false)
    private String publicationId;

    @Column(name = "nomination_id", nullable = false, updatable = false)
    private String nominationId;

    @Column(nullable = false, updatable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PublicityEntryStatus status;

    @Column(name = "decided_at")
    private Instant decidedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getPublicationId() { return publicationId; }
    public void setPublicationId(String publicationId) { this.publicationId = publicationId; }
    public String getNominationId() { return nominationId; }
    public void setNominationId(String nominationId) { this.nominationId = nominationId; }
    public int getPosition() { return position; }
    public void setPosition(int position) { this.position = position; }
    public PublicityEntryStatus getStatus() { return status; }
    public void setStatus(PublicityEntryStatus status) { this.status = status; }
    public Instant getDecidedAt() { return decidedAt; }
    public void setDecidedAt(Instant decidedAt) { this.decidedAt = decidedAt; }
}
