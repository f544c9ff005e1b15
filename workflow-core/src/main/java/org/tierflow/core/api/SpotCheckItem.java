package org.tierflow.core.api;

import java.time.Instant;

/**
 * One sampled candidate or managing unit of a spot check, and its audit.
 *
 * @param id                the item's id, to complete its audit
 * @param spotCheckId       the spot check it belongs to
 * @param kind              a candidate or a unit
 * @param drawOrder         1 for the first drawn of its kind, 2 for the next, ...
 * @param nominationId      the candidate's nomination; {@code null} for a unit
 * @param tierCode          the candidate's tier; {@code null} for a unit
 * @param applicantId       the candidate; {@code null} for a unit
 * @param unitId            the candidate's unit, or the sampled managing unit
 * @param managedCandidates for a unit: how many candidates in progress it managed at the draw; 1 for a candidate
 * @param finding           the audit's finding; {@code null} while the audit is open
 * @param comment           the auditor's comment; {@code null} while open
 * @param auditorId         who completed the audit; {@code null} while open
 * @param completedAt       when (engine clock); {@code null} while open
 */
public record SpotCheckItem(String id, String spotCheckId, Kind kind, int drawOrder, String nominationId,
                            String tierCode, String applicantId, String unitId, int managedCandidates,
                            AuditFinding finding, String comment, String auditorId, Instant completedAt) {

    /** What was sampled. */
    public enum Kind {
        /** A candidate in progress (a selected nomination not yet finished). */
        CANDIDATE,
        /** A unit managing candidates in progress. */
        UNIT
    }

    /** Whether the audit still waits for its finding. */
    public boolean isOpen() {
        return finding == null;
    }
}
