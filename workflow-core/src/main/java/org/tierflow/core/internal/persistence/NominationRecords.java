package org.tierflow.core.internal.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;
import org.tierflow.core.api.TimelineEntryType;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ReviewAction;

/** Reads and writes nominations and their append-only history in the current command's session. */
public final class NominationRecords {

    private final TierFlowPersistence persistence;

    public NominationRecords(TierFlowPersistence persistence) {
        this.persistence = persistence;
    }

    public Optional<NominationEntity> find(String nominationId) {
        return Optional.ofNullable(session().get(NominationEntity.class, nominationId));
    }

    public void insert(NominationEntity nomination) {
        session().persist(nomination);
    }

    /** Appends one history entry, numbered after the last one. */
    public ReviewRecordEntity append(String nominationId, TimelineEntryType type, int stepIndex, OrganisationLevel level,
                                     ReviewAction action, String unitId, String actorId, String comment,
                                     List<String> attachments, Map<String, Object> data, Instant at) {
        ReviewRecordEntity record = new ReviewRecordEntity();
        record.setId(UUID.randomUUID().toString());
        record.setNominationId(nominationId);
        record.setSeq(nextSeq(nominationId));
        record.setType(type);
        record.setStepIndex(stepIndex);
        record.setLevel(level);
        record.setAction(action);
        record.setUnitId(unitId);
        record.setActorId(actorId);
        record.setComment(comment);
        record.setAttachmentsJson(JsonCodec.write(attachments == null ? List.of() : attachments));
        record.setDataJson(JsonCodec.write(data == null ? Map.of() : data));
        record.setCreatedAt(at);
        session().persist(record);
        return record;
    }

    /** The history, oldest first. */
    public List<ReviewRecordEntity> history(String nominationId) {
        session().flush();
        return session().createSelectionQuery(
                        "from ReviewRecordEntity r where r.nominationId = :id order by r.seq", ReviewRecordEntity.class)
                .setParameter("id", nominationId)
                .getResultList();
    }

    /** Whether anyone has taken a decision (pass, reject, return) on it. */
    public boolean hasHumanDecision(String nominationId) {
        return history(nominationId).stream().anyMatch(r -> r.getActorId() != null && switch (r.getType()) {
            case PASSED, REJECTED, RETURNED_TO_APPLICANT, RETURNED_TO_LOWER_LEVEL -> true;
            default -> false;
        });
    }

    /**
     * The next sequence number of the nomination's timeline: kept on the nomination row (migration V9), which the
     * session usually holds already, so no query over the timeline is needed. The row's version makes two concurrent
     * appends collide on the update as they would on the timeline's unique (nomination_id, seq).
     */
    private int nextSeq(String nominationId) {
        NominationEntity nomination = session().get(NominationEntity.class, nominationId);
        if (nomination != null) {
            int next = nomination.getTimelineSeq() + 1;
            nomination.setTimelineSeq(next);
            return next;
        }
        // Not a nomination row (nothing appends so today): number after the last entry, as before V9.
        session().flush();
        Integer max = session().createSelectionQuery(
                        "select max(r.seq) from ReviewRecordEntity r where r.nominationId = :id", Integer.class)
                .setParameter("id", nominationId)
                .getSingleResult();
        return max == null ? 1 : max + 1;
    }

    private Session session() {
        return persistence.currentSession();
    }
}
