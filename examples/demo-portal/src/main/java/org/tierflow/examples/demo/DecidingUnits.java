package org.tierflow.examples.demo;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.spi.OrganisationDirectory;

/**
 * The tiers a user decides at one of their units (the unit's level is a {@code DECIDE} step of the tier's chain),
 * within the tree the portal runs the program on: where the user may open selection rounds and publish.
 */
@Component
class DecidingUnits {

    private final ProgramCatalog catalog;
    private final OrganisationDirectory organisations;
    private final DemoUsers users;

    DecidingUnits(ProgramCatalog catalog, OrganisationDirectory organisations, DemoUsers users) {
        this.catalog = catalog;
        this.organisations = organisations;
        this.users = users;
    }

    /** A tier the user decides at one of their units. */
    record Option(String programCode, String tierCode, String unitId) {

        public String value() {
            return programCode + "/" + tierCode + "/" + unitId;
        }

        static Option parse(String value) {
            String[] parts = value.split("/", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("not program/tier/unit: " + value);
            }
            return new Option(parts[0], parts[1], parts[2]);
        }
    }

    List<Option> of(DemoUser me) {
        List<Option> options = new ArrayList<>();
        for (String unitId : me.actsFor()) {
            OrganisationUnit unit = organisations.unit(unitId);
            for (ProgramDefinition program : catalog.programs()) {
                for (TierDefinition tier : program.tiers()) {
                    boolean decides = tier.reviewChain().stepAt(unit.level()).filter(s -> s.action() == ReviewAction.DECIDE).isPresent()
                            || tier.universityChain().flatMap(c -> c.stepAt(unit.level())).filter(s -> s.action() == ReviewAction.DECIDE).isPresent();
                    if (decides && inTree(program.code(), unitId)) {
                        options.add(new Option(program.code(), tier.code(), unitId));
                    }
                }
            }
        }
        return options;
    }

    /** Whether the unit lies in the tree the portal runs the program on ({@code programs:} in demo/users.yaml). */
    private boolean inTree(String programCode, String unitId) {
        return users.rootOf(programCode).map(root -> organisations.isWithin(unitId, root)).orElse(true);
    }
}
