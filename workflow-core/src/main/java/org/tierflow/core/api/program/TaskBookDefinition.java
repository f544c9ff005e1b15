package org.tierflow.core.api.program;

import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * The task book (项目任务书) a selected candidate signs.
 *
 * @param authority           the level that countersigns it
 * @param universityAuthority the level that countersigns for university candidates, if different
 * @param signingPeriod       how long after selection it must be signed
 * @param goals               goal headings the task book is generated with
 */
public record TaskBookDefinition(OrganisationLevel authority, Optional<OrganisationLevel> universityAuthority,
                                 Period signingPeriod, List<LocalizedText> goals) {

    public TaskBookDefinition {
        goals = List.copyOf(goals);
    }
}
