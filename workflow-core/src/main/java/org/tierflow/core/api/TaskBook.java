package org.tierflow.core.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;

/**
 * A task book (项目任务书), generated from the tier's definition when the candidate is selected.
 *
 * @param nominationId          the candidate's nomination
 * @param authorityUnitId       the unit that countersigns (the tier's authority above the candidate)
 * @param authorityLevel        its level, from the definition
 * @param goals                 the goals, from the definition
 * @param planItems             the plan: working period, training hours, acceptance, as the definition sets them
 * @param funding               funding per item, from the definition; a remainder not itemised shows as "other"
 * @param fundingTotal          the per-person total; null when the tier funds no one
 * @param fundingUnit           the unit of the amounts; null when the tier funds no one
 * @param deadline              when it must be signed
 * @param state                 how far signing has come
 * @param candidateSignedAt     when the candidate signed; null before
 * @param countersignedBy       who countersigned for the authority; null before
 * @param countersignedAt       when; null before
 * @param signedElsewhereBy     who recorded that it was signed elsewhere; null unless so
 * @param signedElsewhereReason why (e.g. signed on paper at a meeting); null unless so
 * @param signedElsewhereAt     when that was recorded; null unless so
 */
public record TaskBook(String nominationId, String authorityUnitId, OrganisationLevel authorityLevel,
                       List<LocalizedText> goals, List<LocalizedText> planItems, List<FundingLine> funding,
                       BigDecimal fundingTotal, LocalizedText fundingUnit, Instant deadline, State state,
                       Instant candidateSignedAt, String countersignedBy, Instant countersignedAt,
                       String signedElsewhereBy, String signedElsewhereReason, Instant signedElsewhereAt) {

    public TaskBook {
        goals = List.copyOf(goals);
        planItems = List.copyOf(planItems);
        funding = List.copyOf(funding);
    }

    /** How far signing has come. */
    public enum State {
        /** Waits for the candidate's signature. */
        AWAITING_CANDIDATE,
        /** The candidate signed; waits for the authority's countersign. */
        AWAITING_COUNTERSIGN,
        /** Signed by both. */
        SIGNED,
        /** A host recorded that it was signed elsewhere; the countersign was skipped. */
        SIGNED_ELSEWHERE
    }

    /**
     * One funding item.
     *
     * @param code   the item's code in the definition, {@code other} for the remainder
     * @param name   its name
     * @param amount in {@link TaskBook#fundingUnit()}
     */
    public record FundingLine(String code, LocalizedText name, BigDecimal amount) {
    }
}
