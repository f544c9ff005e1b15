package org.tierflow.core.internal.program;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tierflow.core.api.program.DeclaredAllocation;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a tier's {@code allocation}: parent unit id → (unit id → quota). What the file alone can tell is checked
 * here (whole numbers of at least 0, nobody allocating to itself, one parent per unit, no parent giving away more
 * than the tier's quota); whether the units exist and sit where the chain says is checked against the host's
 * directory when TierFlow starts, with the positions kept in each {@link DeclaredAllocation}.
 */
final class AllocationParser {

    private final Nodes nodes;

    AllocationParser(Nodes nodes) {
        this.nodes = nodes;
    }

    List<DeclaredAllocation> allocation(Node node, String path, Integer tierQuota) {
        if (node == null) {
            return List.of();
        }
        Problems problems = nodes.problems();
        if (!(node instanceof MappingNode mapping)) {
            problems.report(node, path, ProblemCode.EXPECTED_MAPPING, Nodes.describe(node));
            return List.of();
        }
        List<DeclaredAllocation> declared = new ArrayList<>();
        Map<String, DeclaredAllocation> parentOf = new HashMap<>();
        Map<String, Boolean> seenParents = new HashMap<>();
        for (NodeTuple parentTuple : mapping.getValue()) {
            String parentId = key(parentTuple.getKeyNode(), path);
            if (parentId == null) {
                continue;
            }
            String parentPath = FieldPath.child(path, parentId);
            if (seenParents.put(parentId, true) != null) {
                problems.report(parentTuple.getKeyNode(), parentPath, ProblemCode.KEY_DUPLICATE, parentId,
                        Problems.line(parentTuple.getKeyNode()));
                continue;
            }
            Node children = parentTuple.getValueNode();
            if (!(children instanceof MappingNode childMapping)) {
                problems.report(children, parentPath, ProblemCode.EXPECTED_MAPPING, Nodes.describe(children));
                continue;
            }
            if (childMapping.getValue().isEmpty()) {
                problems.report(children, parentPath, ProblemCode.ALLOCATION_EMPTY, parentId);
                continue;
            }
            int sum = 0;
            Map<String, Integer> lines = new HashMap<>();
            for (NodeTuple childTuple : childMapping.getValue()) {
                String unitId = key(childTuple.getKeyNode(), parentPath);
                if (unitId == null) {
                    continue;
                }
                String unitPath = FieldPath.child(parentPath, unitId);
                Node keyNode = childTuple.getKeyNode();
                Integer first = lines.putIfAbsent(unitId, Problems.line(keyNode));
                if (first != null) {
                    problems.report(keyNode, unitPath, ProblemCode.KEY_DUPLICATE, unitId, first);
                    continue;
                }
                Integer quota = nodes.wholeNumber(childTuple.getValueNode(), unitPath);
                if (quota == null) {
                    continue;
                }
                if (quota < 0) {
                    problems.report(childTuple.getValueNode(), unitPath, ProblemCode.ALLOCATION_NEGATIVE, quota);
                    continue;
                }
                if (unitId.equals(parentId)) {
                    problems.report(keyNode, unitPath, ProblemCode.ALLOCATION_SELF, unitId);
                    continue;
                }
                DeclaredAllocation allocation = new DeclaredAllocation(parentId, unitId, quota, problems.source(),
                        Problems.line(keyNode), keyNode.getStartMark().getColumn() + 1, unitPath);
                DeclaredAllocation earlier = parentOf.putIfAbsent(unitId, allocation);
                if (earlier != null) {
                    problems.report(keyNode, unitPath, ProblemCode.ALLOCATION_TWO_PARENTS, unitId,
                            earlier.parentUnitId(), earlier.line());
                    continue;
                }
                sum += quota;
                declared.add(allocation);
            }
            if (tierQuota != null && sum > tierQuota) {
                problems.report(parentTuple.getKeyNode(), parentPath, ProblemCode.ALLOCATION_ABOVE_TIER_QUOTA, parentId,
                        sum, tierQuota);
            }
        }
        return declared;
    }

    private String key(Node keyNode, String path) {
        if (!(keyNode instanceof ScalarNode scalar) || Nodes.isNull(keyNode) || scalar.getValue().isBlank()) {
            nodes.problems().report(keyNode, path, ProblemCode.KEY_NOT_TEXT, Nodes.describe(keyNode));
            return null;
        }
        return scalar.getValue();
    }
}
