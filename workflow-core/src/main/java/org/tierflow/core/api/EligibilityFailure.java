package org.tierflow.core.api;

import org.tierflow.core.api.program.LocalizedText;

/**
 * One eligibility rule a submission does not meet.
 *
 * @param ruleCode the rule's code (from the program definition, or an integrator's check)
 * @param reason   what the rule requires, in words the applicant understands
 */
public record EligibilityFailure(String ruleCode, LocalizedText reason) {
}
