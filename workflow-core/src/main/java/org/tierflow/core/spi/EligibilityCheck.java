package org.tierflow.core.spi;

import java.util.List;

import org.tierflow.core.api.EligibilityFailure;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.TierDefinition;

/**
 * An integrator's eligibility rule, run on every submission after the rules in the program definition.
 * Report every failure: the applicant sees all of them at once.
 */
public interface EligibilityCheck {

    /** Failures for this submission; empty when it passes. */
    List<EligibilityFailure> check(ProgramDefinition program, TierDefinition tier, NominationSubmission submission);
}
