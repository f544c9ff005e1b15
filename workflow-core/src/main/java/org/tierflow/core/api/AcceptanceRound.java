package org.tierflow.core.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One acceptance round: 1 is the first acceptance, 2 follows the first extension, and so on.
 *
 * @param round             the round number
 * @param openedAt          when the round opened
 * @param report            the final report (round 1) or rectification report; null before it is submitted
 * @param reportSubmittedAt when it was submitted; null before
 * @param onSiteDate        the day of the on-site acceptance; null until scheduled
 * @param expertTeam        the expert team of the on-site acceptance; empty until scheduled
 * @param score             the accepting level's score; null until decided
 * @param passed            whether the round passed; null until decided
 * @param decidedBy         who concluded the round; null until decided
 * @param decidedAt         when; null until decided
 * @param reviews           what each level concluded, in order
 */
public record AcceptanceRound(int round, Instant openedAt, String report, Instant reportSubmittedAt,
                              LocalDate onSiteDate, List<String> expertTeam, BigDecimal score, Boolean passed,
                              String decidedBy, Instant decidedAt, List<AcceptanceReview> reviews) {

    public AcceptanceRound {
        expertTeam = List.copyOf(expertTeam);
        reviews = List.copyOf(reviews);
    }
}
