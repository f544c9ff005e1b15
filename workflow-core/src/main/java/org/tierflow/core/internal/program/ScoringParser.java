package org.tierflow.core.internal.program;

import java.math.BigDecimal;
import java.util.List;

import org.tierflow.core.api.program.EvaluationParty;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.RubricCriterion;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Weighted lists: rubric criteria (expert panels, evaluation criteria) and evaluation parties. Codes are unique,
 * each weight is in (0, 1], the weights sum to 1 within {@value #TOLERANCE}, and a criterion's maxScore is above 0.
 */
final class ScoringParser {

    static final BigDecimal TOLERANCE = new BigDecimal("0.001");

    private static final List<String> CRITERION_FIELDS = List.of("code", "name", "weight", "maxScore");
    private static final List<String> PARTY_FIELDS = List.of("code", "name", "weight");

    private final Nodes nodes;
    private final Problems problems;

    ScoringParser(Nodes nodes) {
        this.nodes = nodes;
        this.problems = nodes.problems();
    }

    /** A required, non-empty list of criteria; {@code null} when anything in it is wrong (reported). */
    List<RubricCriterion> criteria(Node node, String path, String fieldName) {
        int before = problems.count();
        List<Node> items = nonEmptyList(node, path, fieldName);
        UniqueCodes codes = new UniqueCodes(problems);
        Weights weights = new Weights();
        List<RubricCriterion> criteria = nodes.each(items, path, (item, itemPath) -> {
            YamlMapping m = nodes.mapping(item, itemPath, CRITERION_FIELDS);
            if (m == null) {
                return null;
            }
            String code = code(m, codes);
            LocalizedText name = nodes.localized(m.required("name"), m.path("name"));
            BigDecimal weight = weight(m, weights);
            Node maxNode = m.required("maxScore");
            BigDecimal maxScore = nodes.number(maxNode, m.path("maxScore"));
            if (maxScore != null && maxScore.signum() <= 0) {
                problems.report(maxNode, m.path("maxScore"), ProblemCode.MAX_SCORE, maxScore);
                maxScore = null;
            }
            return code == null || name == null || weight == null || maxScore == null ? null
                    : new RubricCriterion(code, name, weight, maxScore);
        });
        weights.checkSum(node, path);
        return problems.count() == before ? criteria : null;
    }

    /** A required, non-empty list of evaluation parties; {@code null} when anything in it is wrong (reported). */
    List<EvaluationParty> parties(Node node, String path, String fieldName) {
        int before = problems.count();
        List<Node> items = nonEmptyList(node, path, fieldName);
        UniqueCodes codes = new UniqueCodes(problems);
        Weights weights = new Weights();
        List<EvaluationParty> parties = nodes.each(items, path, (item, itemPath) -> {
            YamlMapping m = nodes.mapping(item, itemPath, PARTY_FIELDS);
            if (m == null) {
                return null;
            }
            String code = code(m, codes);
            LocalizedText name = nodes.localized(m.required("name"), m.path("name"));
            BigDecimal weight = weight(m, weights);
            return code == null || name == null || weight == null ? null : new EvaluationParty(code, name, weight);
        });
        weights.checkSum(node, path);
        return problems.count() == before ? parties : null;
    }

    private List<Node> nonEmptyList(Node node, String path, String fieldName) {
        List<Node> items = nodes.list(node, path);
        if (items != null && items.isEmpty()) {
            problems.report(node, path, ProblemCode.LIST_EMPTY, fieldName);
        }
        return items;
    }

    private String code(YamlMapping m, UniqueCodes codes) {
        Node codeNode = m.required("code");
        String code = nodes.text(codeNode, m.path("code"));
        return codes.add(code, codeNode, m.path("code")) ? code : null;
    }

    private BigDecimal weight(YamlMapping m, Weights weights) {
        Node weightNode = m.required("weight");
        BigDecimal weight = nodes.number(weightNode, m.path("weight"));
        if (weight != null && (weight.signum() <= 0 || weight.compareTo(BigDecimal.ONE) > 0)) {
            problems.report(weightNode, m.path("weight"), ProblemCode.WEIGHT_RANGE, weight);
            weights.invalid();
            return null;
        }
        weights.add(weight);
        return weight;
    }

    /** The sum of a list's weights; checked only when every weight was read, so one mistake is one problem. */
    private final class Weights {
        private BigDecimal sum = BigDecimal.ZERO;
        private boolean complete = true;
        private int count;

        void add(BigDecimal weight) {
            if (weight == null) {
                complete = false;
            } else {
                sum = sum.add(weight);
                count++;
            }
        }

        void invalid() {
            complete = false;
        }

        void checkSum(Node listNode, String path) {
            if (complete && count > 0 && sum.subtract(BigDecimal.ONE).abs().compareTo(TOLERANCE) > 0) {
                problems.report(listNode, path, ProblemCode.WEIGHTS_SUM, sum.stripTrailingZeros());
            }
        }
    }
}
