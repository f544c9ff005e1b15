package org.tierflow.core.api.program;

import java.time.Period;
import java.util.Optional;

/**
 * Acceptance (考核验收) against the task book at the end of the implementation period.
 *
 * @param chain           who reviews and who accepts
 * @param universityChain the chain for university candidates, if different
 * @param onSite          whether acceptance is in principle on site (现场验收)
 * @param extension       how long the working period is extended after a failed acceptance (P6M)
 * @param maxExtensions   how many extensions a candidate may get before failing for good
 */
public record AcceptanceDefinition(ReviewChain chain, Optional<ReviewChain> universityChain, boolean onSite,
                                   Period extension, int maxExtensions) {
}
