package org.tierflow.core.spi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.tierflow.core.api.OrganisationTreeException;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.UnknownOrganisationUnitException;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;

/**
 * The host's organisation tree (province → cities and universities → districts → schools; a tree's root
 * may sit at any level). TierFlow asks it which unit is above which, to route a nomination up its review
 * chain and to pick the most specific per-organisation override.
 *
 * <p>A host implements the two abstract methods, typically over its own organisation table; the default
 * methods walk the tree through them. They detect host data whose parent or child links loop and fail with
 * an {@link OrganisationTreeException} naming the unit ids, never looping forever. Implementations must be
 * safe to call from several threads. {@code org.tierflow.core.support.InMemoryOrganisationDirectory} is a
 * ready-made implementation loaded from YAML.
 */
public interface OrganisationDirectory {

    /** The unit with this id, or empty when the directory has none. */
    Optional<OrganisationUnit> findUnit(String id);

    /**
     * The units directly below this one, in the host's display order; empty for a leaf. For an unknown id an
     * implementation may return an empty list or throw {@link UnknownOrganisationUnitException}.
     */
    List<OrganisationUnit> children(String id);

    /**
     * The unit with this id.
     *
     * @throws UnknownOrganisationUnitException when the directory has none
     */
    default OrganisationUnit unit(String id) {
        Objects.requireNonNull(id, "id");
        return findUnit(id).orElseThrow(() -> new UnknownOrganisationUnitException(id));
    }

    /**
     * The units above this one, its parent first, up to and including the root; empty for a root.
     *
     * @throws UnknownOrganisationUnitException when the id names no unit
     * @throws OrganisationTreeException        when the parents loop or a parent does not exist
     */
    default List<OrganisationUnit> ancestors(String id) {
        List<OrganisationUnit> path = pathToRoot(id);
        return path.subList(1, path.size());
    }

    /**
     * This unit followed by its ancestors: the unit itself first, the root last.
     *
     * @throws UnknownOrganisationUnitException when the id names no unit
     * @throws OrganisationTreeException        when the parents loop or a parent does not exist
     */
    default List<OrganisationUnit> pathToRoot(String id) {
        OrganisationUnit current = unit(id);
        Set<String> seen = new LinkedHashSet<>();
        List<OrganisationUnit> path = new ArrayList<>();
        while (true) {
            seen.add(current.id());
            path.add(current);
            String parentId = current.parentId();
            if (parentId == null) {
                return List.copyOf(path);
            }
            if (seen.contains(parentId)) {
                throw treeProblem(this, current.id(), new LocalizedText(
                        "组织单元的上级关系成环：" + String.join(" → ", seen) + " → " + parentId,
                        "the parents of organisation units loop: " + String.join(" → ", seen) + " → " + parentId));
            }
            String childId = current.id();
            current = findUnit(parentId).orElseThrow(() -> treeProblem(this, childId, new LocalizedText(
                    "组织单元 “" + childId + "” 的上级 “" + parentId + "” 在组织机构目录中不存在",
                    "organisation unit '" + childId + "' names the parent '" + parentId
                            + "', which the directory does not know")));
        }
    }

    /**
     * The first unit at this level on the way up, starting with the unit itself: for a school and
     * {@code CITY}, the city bureau above it. Empty when no unit on the path is at that level.
     *
     * @throws UnknownOrganisationUnitException when the id names no unit
     * @throws OrganisationTreeException        when the parents loop or a parent does not exist
     */
    default Optional<OrganisationUnit> ancestorAt(String id, OrganisationLevel level) {
        Objects.requireNonNull(level, "level");
        return pathToRoot(id).stream().filter(unit -> unit.level() == level).findFirst();
    }

    /**
     * Whether a unit lies within another: it is that unit or one of its descendants.
     *
     * @throws UnknownOrganisationUnitException when either id names no unit
     * @throws OrganisationTreeException        when the parents loop or a parent does not exist
     */
    default boolean isWithin(String unitId, String ancestorId) {
        unit(ancestorId);
        return pathToRoot(unitId).stream().anyMatch(unit -> unit.id().equals(ancestorId));
    }

    /**
     * Every unit below this one (not the unit itself), in tree order: each unit before its own children,
     * siblings in {@link #children(String)} order.
     *
     * @throws UnknownOrganisationUnitException when the id names no unit
     * @throws OrganisationTreeException        when the children loop or a unit is listed under two parents
     */
    default List<OrganisationUnit> descendants(String id) {
        OrganisationUnit top = unit(id);
        Map<String, String> reachedFrom = new HashMap<>();
        reachedFrom.put(top.id(), null);
        List<OrganisationUnit> result = new ArrayList<>();
        Deque<OrganisationUnit> toVisit = new ArrayDeque<>();
        toVisit.push(top);
        while (!toVisit.isEmpty()) {
            OrganisationUnit parent = toVisit.pop();
            if (parent != top) {
                result.add(parent);
            }
            List<OrganisationUnit> children = children(parent.id());
            for (int i = children.size() - 1; i >= 0; i--) {
                OrganisationUnit child = children.get(i);
                if (reachedFrom.containsKey(child.id())) {
                    List<String> path = new ArrayList<>();
                    for (String at = parent.id(); at != null; at = reachedFrom.get(at)) {
                        path.add(0, at);
                    }
                    String chain = String.join(" → ", path) + " → " + child.id();
                    throw treeProblem(this, child.id(), new LocalizedText(
                            "组织单元 “" + child.id() + "” 在 “" + top.id() + "” 之下出现了两次（下级关系成环，或一个单元有两个上级）："
                                    + chain,
                            "organisation unit '" + child.id() + "' appears twice below '" + top.id()
                                    + "' (the children loop, or a unit has two parents): " + chain));
                }
                reachedFrom.put(child.id(), parent.id());
                toVisit.push(child);
            }
        }
        return List.copyOf(result);
    }

    private static OrganisationTreeException treeProblem(OrganisationDirectory directory, String unitId,
                                                         LocalizedText message) {
        return new OrganisationTreeException(List.of(
                new OrganisationTreeException.Problem(directory.getClass().getName(), 0, unitId, message)));
    }
}
