package org.tierflow.core.api;

import java.util.Objects;

import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;

/**
 * One unit of the organisation tree: an education department or bureau, a university or a school.
 *
 * @param id       the unit's id, unique in its directory, never blank
 * @param name     the unit's name in Chinese and English
 * @param level    the unit's level
 * @param parentId the id of the unit directly above, or {@code null} for the root of a tree
 */
public record OrganisationUnit(String id, LocalizedText name, OrganisationLevel level, String parentId) {

    public OrganisationUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        if (id.isBlank()) {
            throw new IllegalArgumentException("组织单元 id 不能为空 / an organisation unit id must not be blank");
        }
    }

    /** Whether this unit is the root of its tree (has no parent). */
    public boolean isRoot() {
        return parentId == null;
    }

    /** {@code "银川市教育局 / Yinchuan City Education Bureau (nx-yinchuan, CITY)"}. */
    @Override
    public String toString() {
        return name + " (" + id + ", " + level + ")";
    }
}
