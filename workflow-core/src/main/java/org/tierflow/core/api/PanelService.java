package org.tierflow.core.api;

import java.util.List;
import java.util.Optional;

/**
 * Expert panels (专家评审): an expert's inbox, score sheets, the panel's scores and its result. Experts are
 * assigned by TierFlow when a nomination reaches a step with a panel; who is an expert is the host's
 * {@link org.tierflow.core.spi.ExpertDirectory}, asked again on every submission. Scoring is blind: an expert
 * sees the other experts' scores only after submitting their own. Each call is one transaction.
 * See {@code docs/guides/expert-panels.md}.
 */
public interface PanelService {

    /** The panels waiting for this expert's scores, oldest first. */
    List<PanelTask> inbox(String expertId);

    /**
     * The expert's own submitted score sheets, newest first. Tasks cancelled because the panel decided without
     * them are not listed: the expert did no work on them.
     */
    List<ExpertScore> done(String expertId);

    /**
     * Submits the expert's score sheet for a task of their inbox: every criterion of the rubric scored or marked
     * not applicable, and a vote. When the sheet completes the panel's quorum the panel decides at once.
     *
     * @throws NotFoundException        when the task does not exist or the panel has already decided
     * @throws NotAuthorizedException   when the task is not the expert's, or the host's directory no longer lists
     *                                  them as an expert for the step
     * @throws InvalidRequestException  when the sheet is incomplete or a score is out of range
     */
    ExpertScore submit(String taskId, String expertId, ScoreSheet sheet);

    /**
     * The score sheets of the nomination's latest panel. An expert of that panel sees them only once they have
     * submitted their own; the approvers of the panel's level always may.
     *
     * @throws NotAuthorizedException when the user may not see them (yet)
     * @throws NotFoundException      when the nomination never had a panel
     */
    List<ExpertScore> scores(String nominationId, String userId);

    /**
     * The result of the nomination's latest panel; empty while it has not decided. Same access as {@link #scores}.
     */
    Optional<PanelResult> result(String nominationId, String userId);
}
