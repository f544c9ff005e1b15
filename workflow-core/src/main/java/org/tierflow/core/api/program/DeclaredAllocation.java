package org.tierflow.core.api.program;

import java.util.Objects;

/**
 * One quota allocation declared in a tier's {@code allocation} (名额分配): the parent unit gives the unit a
 * number of the tier's places. TierFlow applies declarations when it starts, through the same rules as
 * {@code SelectionService.allocate}; see {@code docs/guides/selection.md} for which wins against the API.
 *
 * @param parentUnitId the allocating unit (the top unit of the tier's chain, or a unit that received a quota)
 * @param unitId       the unit receiving the quota
 * @param quota        the number of places, at least 0
 * @param source       the definition file, as the loader named it
 * @param line         1-based line of the declaration
 * @param column       1-based column of the declaration
 * @param field        the field path, e.g. {@code tiers[2].allocation.nx.yinchuan}
 */
public record DeclaredAllocation(String parentUnitId, String unitId, int quota, String source, int line, int column,
                                 String field) {

    public DeclaredAllocation {
        Objects.requireNonNull(parentUnitId, "parentUnitId");
        Objects.requireNonNull(unitId, "unitId");
    }

    /** A problem with this declaration, at its place in the file. */
    public DefinitionProblem problem(LocalizedText message) {
        return new DefinitionProblem(source, line, column, field, message);
    }
}
