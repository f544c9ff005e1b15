package org.tierflow.core.api;

import java.util.List;

/**
 * Yearly spot checks (抽查) of candidates in progress and of the units managing them: a reproducible random
 * sample, an audit per sampled item, and a report. See {@code docs/guides/spot-checks.md}.
 *
 * <p><b>Population.</b> A candidate is <em>in progress</em> when its nomination in the program stands
 * {@link NominationState#SELECTED} and holds no valid (unrevoked) credential; its unit must lie within the
 * auditing unit. The <em>managing units</em> of such a candidate are its own unit and the units acting at the
 * steps of its review chain, all strictly below the auditing unit. Candidates are sorted by nomination id, units
 * by unit id.
 *
 * <p><b>Draw.</b> With {@code java.util.Random} seeded with the seed (its algorithm is fixed by its Javadoc),
 * a partial Fisher–Yates shuffle picks the candidates, then, continuing the same generator, the units. The same
 * seed over the same population therefore always draws the same sample.
 *
 * <p><b>Who may act.</b> The host's {@link org.tierflow.core.spi.ApproverDirectory}, asked as a {@code DECIDE}
 * for the auditing unit at its level: for every tier of the program to draw, read, report, and audit a unit; for
 * the candidate's tier to audit a candidate. Nobody audits their own nomination. Every method is one transaction.
 */
public interface SpotCheckService {

    /**
     * Draws this year's sample and opens an audit for every sampled candidate and unit.
     *
     * @throws NotAuthorizedException  when the actor may not act for the auditing unit
     * @throws InvalidRequestException when the program or unit is unknown ({@code unknown-program},
     *                                 {@code unknown-unit}), the unit is not at the program's spot-check level
     *                                 ({@code wrong-auditing-level}), the year is outside the program's start year
     *                                 and the current year ({@code invalid-year}), a sample size is missing or out of
     *                                 range ({@code missing-sample-size}, {@code invalid-sample-size}), or this
     *                                 program, unit and year were already drawn ({@code already-drawn})
     */
    SpotCheck draw(SpotCheckRequest request);

    /**
     * The spot check as it stands.
     *
     * @throws NotFoundException      when there is none with this id
     * @throws NotAuthorizedException when the actor may not act for its auditing unit
     */
    SpotCheck get(String spotCheckId, String actorId);

    /** The open audits this user may complete, oldest draw first. */
    List<SpotCheckItem> openAudits(String actorId);

    /**
     * Completes the audit of one sampled item with its finding. A finding is final.
     *
     * @param comment what was found; required for {@link AuditFinding#ISSUES}, at most 4000 characters
     * @throws NotFoundException       when there is no item with this id
     * @throws NotAuthorizedException  when the actor may not audit it (or it is their own nomination)
     * @throws InvalidRequestException when the finding is missing, a comment is needed or too long
     *                                 ({@code missing-field}, {@code invalid-comment}), or it was already completed
     *                                 ({@code already-completed})
     */
    SpotCheckItem complete(String itemId, String actorId, AuditFinding finding, String comment);

    /**
     * The report: counts, every sampled item and its finding.
     *
     * @throws NotFoundException      when there is none with this id
     * @throws NotAuthorizedException when the actor may not act for its auditing unit
     */
    SpotCheckReport report(String spotCheckId, String actorId);

    /**
     * The report as CSV (RFC 4180, UTF-8 text, CRLF line ends): a header row, then one row per sampled item with the
     * spot check's program, year and seed, the item and its finding.
     *
     * @throws NotFoundException      when there is none with this id
     * @throws NotAuthorizedException when the actor may not act for its auditing unit
     */
    String reportCsv(String spotCheckId, String actorId);
}
