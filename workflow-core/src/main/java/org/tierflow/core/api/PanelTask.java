package org.tierflow.core.api;

import java.time.Instant;
import java.util.List;

import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.RubricCriterion;

/**
 * A panel waiting for one expert's score sheet.
 *
 * @param taskId       the task to submit to
 * @param nominationId the candidate's nomination
 * @param programCode  the program
 * @param tierCode     the tier
 * @param stepIndex    the chain step of the panel
 * @param level        its level
 * @param reviewUnitId the unit that runs the panel
 * @param stepName     the step's name
 * @param rubric       the criteria to score
 * @param assignedAt   when the expert was assigned
 */
public record PanelTask(String taskId, String nominationId, String programCode, String tierCode, int stepIndex,
                        OrganisationLevel level, String reviewUnitId, LocalizedText stepName,
                        List<RubricCriterion> rubric, Instant assignedAt) {

    public PanelTask {
        rubric = List.copyOf(rubric);
    }
}
