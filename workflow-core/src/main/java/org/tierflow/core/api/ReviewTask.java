package org.tierflow.core.api;

import java.time.Instant;

import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ReviewAction;

/**
 * A review waiting in an approver's inbox.
 *
 * @param taskId       the task to claim and decide
 * @param nominationId the nomination under review
 * @param programCode  its program
 * @param tierCode     its tier
 * @param applicantId  who applied
 * @param stepIndex    the chain step
 * @param level        the reviewing level
 * @param action       what the level does
 * @param stepName     the step's name
 * @param unitId       the reviewing unit
 * @param assignee     who has claimed it, {@code null} while unclaimed
 * @param createdAt    when it arrived
 */
public record ReviewTask(String taskId, String nominationId, String programCode, String tierCode, String applicantId,
                         int stepIndex, OrganisationLevel level, ReviewAction action, LocalizedText stepName,
                         String unitId, String assignee, Instant createdAt) {
}
