package org.tierflow.core.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.tierflow.core.spi.ApproverDirectory;
import org.tierflow.core.spi.ApproverQuery;

/**
 * An approver directory kept in memory, for examples, tests and small hosts: grants of "these users may act
 * for this unit", optionally narrowed to one program or tier. Immutable once built.
 */
public final class InMemoryApproverDirectory implements ApproverDirectory {

    /** Grants by unit id, in the order given: a query reads only its unit's grants, however large the tree. */
    private final Map<String, List<Grant>> grantsByUnit;

    private InMemoryApproverDirectory(List<Grant> grants) {
        Map<String, List<Grant>> byUnit = new HashMap<>();
        grants.forEach(g -> byUnit.computeIfAbsent(g.unitId(), k -> new ArrayList<>()).add(g));
        byUnit.replaceAll((unit, list) -> List.copyOf(list));
        this.grantsByUnit = Map.copyOf(byUnit);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<String> approvers(ApproverQuery query) {
        Set<String> users = new LinkedHashSet<>();
        for (Grant grant : grantsByUnit.getOrDefault(query.unitId(), List.of())) {
            if (grant.matches(query)) {
                users.addAll(grant.users());
            }
        }
        return List.copyOf(users);
    }

    /** Users granted for a unit; {@code null} program or tier means any. */
    private record Grant(String unitId, String programCode, String tierCode, List<String> users) {
        boolean matches(ApproverQuery query) {
            return unitId.equals(query.unitId())
                    && (programCode == null || programCode.equals(query.programCode()))
                    && (tierCode == null || tierCode.equals(query.tierCode()));
        }
    }

    /** Collects grants. */
    public static final class Builder {
        private final List<Grant> grants = new ArrayList<>();

        private Builder() {
        }

        /** These users may act for the unit in every program and tier. */
        public Builder grant(String unitId, String... userIds) {
            grants.add(new Grant(Objects.requireNonNull(unitId), null, null, Arrays.asList(userIds)));
            return this;
        }

        /** These users may act for the unit in one tier of one program only. */
        public Builder grantForTier(String programCode, String tierCode, String unitId, String... userIds) {
            grants.add(new Grant(Objects.requireNonNull(unitId), Objects.requireNonNull(programCode),
                    Objects.requireNonNull(tierCode), Arrays.asList(userIds)));
            return this;
        }

        public InMemoryApproverDirectory build() {
            return new InMemoryApproverDirectory(grants);
        }
    }
}
