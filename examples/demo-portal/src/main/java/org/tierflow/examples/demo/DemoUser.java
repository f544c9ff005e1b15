package org.tierflow.examples.demo;

import java.util.List;

import org.tierflow.core.api.program.LocalizedText;

/**
 * A demo user from {@code demo/users.yaml}.
 *
 * @param id      the user id TierFlow sees (applicant and approver ids)
 * @param name    the person's name
 * @param role    what the portal shows them
 * @param unitId  where they work; an applicant applies from here
 * @param actsFor the units they may review for
 */
record DemoUser(String id, LocalizedText name, DemoRole role, String unitId, List<String> actsFor) {

    DemoUser {
        actsFor = actsFor == null ? List.of() : List.copyOf(actsFor);
    }

    boolean isApprover() {
        return !actsFor.isEmpty();
    }
}
