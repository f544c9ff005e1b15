package org.tierflow.core.api.program;

import java.util.Optional;

/**
 * One level of a review chain.
 *
 * @param level  the organisation level that acts
 * @param action what it does
 * @param name   the step's name as approvers see it
 * @param panel  the expert panel scoring at this step, if any
 */
public record ReviewStep(OrganisationLevel level, ReviewAction action, LocalizedText name, Optional<ExpertPanel> panel) {
}
