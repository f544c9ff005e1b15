package org.tierflow.core.internal.program;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.tierflow.core.api.program.Assessment;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.QuotaScope;
import org.tierflow.core.api.program.ReviewChain;
import org.tierflow.core.api.program.ReviewStep;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * What selection counts and requires: the tier's quota ({@code quota: 10} or
 * {@code quota: {count: 1, per: SCHOOL, perYear: true}}) and its assessments (exams before the decision).
 */
final class SelectionRulesParser {

    private static final List<String> QUOTA_FIELDS = List.of("count", "per", "perYear");
    private static final List<String> ASSESSMENT_FIELDS = List.of("code", "name", "maxScore", "passMark", "weight");

    private final Nodes nodes;
    private final Problems problems;

    SelectionRulesParser(Nodes nodes) {
        this.nodes = nodes;
        this.problems = nodes.problems();
    }

    /** The quota read from a number or a mapping; {@code null} parts were reported. */
    record QuotaRule(Integer count, QuotaScope scope, Node perNode, String perPath) {
    }

    /** Reads a required {@code quota}: a whole number, or a mapping with {@code count}, {@code per}, {@code perYear}. */
    QuotaRule quota(YamlMapping tier) {
        Node node = tier.required("quota");
        if (node == null) {
            return new QuotaRule(null, QuotaScope.WHOLE_PROGRAM, null, null);
        }
        String path = tier.path("quota");
        if (node instanceof ScalarNode) {
            return new QuotaRule(count(node, path), QuotaScope.WHOLE_PROGRAM, null, null);
        }
        if (!(node instanceof MappingNode)) {
            problems.report(node, path, ProblemCode.QUOTA_SHAPE, Nodes.describe(node));
            return new QuotaRule(null, QuotaScope.WHOLE_PROGRAM, null, null);
        }
        YamlMapping m = nodes.mapping(node, path, QUOTA_FIELDS);
        Integer count = count(m.required("count"), m.path("count"));
        Node perNode = m.optional("per");
        OrganisationLevel per = perNode == null ? null : nodes.level(perNode, m.path("per"));
        Node perYearNode = m.optional("perYear");
        Boolean perYear = perYearNode == null ? Boolean.FALSE : nodes.bool(perYearNode, m.path("perYear"));
        return new QuotaRule(count, new QuotaScope(Optional.ofNullable(per), Boolean.TRUE.equals(perYear)), perNode,
                m.path("per"));
    }

    private Integer count(Node node, String path) {
        Integer count = nodes.wholeNumber(node, path);
        if (count != null && count < 0) {
            problems.report(node, path, ProblemCode.QUOTA_NEGATIVE, count);
        } else if (count != null && count == 0) {
            problems.report(node, path, ProblemCode.QUOTA_ZERO);
        }
        return count;
    }

    /**
     * Checks the quota's {@code per} level against the tier's chains: every candidate must have a unit at that
     * level, so it is the entry level or a step's level of the review chain (and of the university chain).
     */
    void checkScope(QuotaRule rule, ReviewChain reviewChain, ReviewChain universityChain) {
        if (rule.scope().per().isEmpty() || rule.perNode() == null) {
            return;
        }
        OrganisationLevel per = rule.scope().per().get();
        for (ReviewChain chain : universityChain == null ? List.of(reviewChain) : List.of(reviewChain, universityChain)) {
            if (chain == null) {
                continue;
            }
            Set<OrganisationLevel> levels = new LinkedHashSet<>();
            levels.add(chain.entryLevel());
            chain.steps().stream().map(ReviewStep::level).forEach(levels::add);
            if (!levels.contains(per)) {
                problems.report(rule.perNode(), rule.perPath(), ProblemCode.QUOTA_PER_NOT_IN_CHAIN, Nodes.levelText(per),
                        Nodes.levelsText(new ArrayList<>(levels)),
                        chain == universityChain ? "universityChain" : "reviewChain");
                return;
            }
        }
    }

    /** The optional {@code assessments} list; {@code null} when anything in it is wrong (reported). */
    List<Assessment> assessments(Node node, String path) {
        int before = problems.count();
        List<Node> items = nodes.optionalList(node, path);
        UniqueCodes codes = new UniqueCodes(problems);
        List<Node> weightNodes = new ArrayList<>();
        List<Node> withoutWeight = new ArrayList<>();
        List<Assessment> assessments = nodes.each(items, path, (item, itemPath) -> {
            YamlMapping m = nodes.mapping(item, itemPath, ASSESSMENT_FIELDS);
            if (m == null) {
                return null;
            }
            Node codeNode = m.required("code");
            String code = nodes.text(codeNode, m.path("code"));
            if (!codes.add(code, codeNode, m.path("code"))) {
                code = null;
            }
            LocalizedText name = nodes.localized(m.required("name"), m.path("name"));
            Node maxNode = m.required("maxScore");
            BigDecimal maxScore = nodes.number(maxNode, m.path("maxScore"));
            if (maxScore != null && maxScore.signum() <= 0) {
                problems.report(maxNode, m.path("maxScore"), ProblemCode.MAX_SCORE, maxScore);
                maxScore = null;
            }
            Node passNode = m.required("passMark");
            BigDecimal passMark = nodes.number(passNode, m.path("passMark"));
            if (passMark != null && passMark.signum() <= 0) {
                problems.report(passNode, m.path("passMark"), ProblemCode.PASS_MARK_NOT_POSITIVE, passMark);
                passMark = null;
            } else if (passMark != null && maxScore != null && passMark.compareTo(maxScore) > 0) {
                problems.report(passNode, m.path("passMark"), ProblemCode.PASS_MARK_ABOVE_MAX, passMark, maxScore);
                passMark = null;
            }
            Node weightNode = m.optional("weight");
            BigDecimal weight = null;
            if (weightNode == null) {
                withoutWeight.add(item);
            } else {
                weight = nodes.number(weightNode, m.path("weight"));
                if (weight != null && (weight.signum() <= 0 || weight.compareTo(BigDecimal.ONE) > 0)) {
                    problems.report(weightNode, m.path("weight"), ProblemCode.WEIGHT_RANGE, weight);
                    weight = null;
                } else if (weight != null) {
                    weightNodes.add(weightNode);
                }
            }
            return code == null || name == null || maxScore == null || passMark == null ? null
                    : new Assessment(code, name, maxScore, passMark, Optional.ofNullable(weight));
        });
        if (problems.count() == before && !weightNodes.isEmpty()) {
            if (!withoutWeight.isEmpty()) {
                problems.report(withoutWeight.get(0), path, ProblemCode.ASSESSMENT_WEIGHTS_PARTIAL);
            } else {
                BigDecimal sum = assessments.stream().map(a -> a.weight().orElseThrow())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.subtract(BigDecimal.ONE).abs().compareTo(ScoringParser.TOLERANCE) > 0) {
                    problems.report(node, path, ProblemCode.WEIGHTS_SUM, sum.stripTrailingZeros());
                }
            }
        }
        return problems.count() == before ? assessments : null;
    }
}
