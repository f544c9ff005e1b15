package org.tierflow.core.internal.program;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tierflow.core.api.program.ApplicationFact;
import org.tierflow.core.api.program.Condition;
import org.tierflow.core.api.program.Condition.Comparison;
import org.tierflow.core.api.program.EligibilityRule;
import org.tierflow.core.api.program.FactType;
import org.tierflow.core.api.program.LocalizedText;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Application facts and eligibility rules. Fact codes are camelCase and unique; rule codes are unique; a rule
 * tests only declared facts, {@code atLeast}/{@code atMost} only NUMBER facts, {@code equals} with a value of the
 * fact's type, and a fact condition has exactly one comparison.
 */
final class RuleParser {

    static final int MAX_CONDITION_DEPTH = 16;

    private static final List<String> FACT_FIELDS = List.of("code", "type", "name");
    private static final List<String> RULE_FIELDS = List.of("code", "reason", "condition");
    private static final List<String> CONDITION_FIELDS = List.of("fact", "atLeast", "atMost", "equals", "anyOf", "allOf");
    private static final List<String> COMPARISONS = List.of("atLeast", "atMost", "equals");
    private static final List<String> GROUPS = List.of("anyOf", "allOf");

    private final Nodes nodes;
    private final Problems problems;

    RuleParser(Nodes nodes) {
        this.nodes = nodes;
        this.problems = nodes.problems();
    }

    /** The declared facts of a tier, read from the optional {@code facts} list. */
    Facts facts(Node node, String path) {
        Facts facts = new Facts(new UniqueCodes(problems), new LinkedHashMap<>(), new ArrayList<>());
        nodes.each(nodes.optionalList(node, path), path, (item, itemPath) -> {
            YamlMapping m = nodes.mapping(item, itemPath, FACT_FIELDS);
            if (m == null) {
                return null;
            }
            Node codeNode = m.required("code");
            String code = nodes.code(codeNode, m.path("code"), Nodes.FACT_CODE, ProblemCode.FACT_CODE_FORMAT);
            FactType type = nodes.enumValue(m.required("type"), m.path("type"), FactType.class,
                    ProblemCode.FACT_TYPE_UNKNOWN);
            LocalizedText name = nodes.localized(m.required("name"), m.path("name"));
            if (code != null && facts.codes().add(code, codeNode, m.path("code"))) {
                // a fact whose type is wrong is still declared: rules naming it are not reported as undeclared
                facts.types().put(code, type);
                if (type != null && name != null) {
                    facts.declared().add(new ApplicationFact(code, type, name));
                }
            }
            return null;
        });
        return facts;
    }

    /** The eligibility rules of a tier, read from the optional {@code eligibility} list. */
    List<EligibilityRule> eligibility(Node node, String path, Facts facts) {
        UniqueCodes codes = new UniqueCodes(problems);
        return nodes.each(nodes.optionalList(node, path), path, (item, itemPath) -> {
            YamlMapping m = nodes.mapping(item, itemPath, RULE_FIELDS);
            if (m == null) {
                return null;
            }
            Node codeNode = m.required("code");
            String code = nodes.text(codeNode, m.path("code"));
            boolean unique = codes.add(code, codeNode, m.path("code"));
            LocalizedText reason = nodes.localized(m.required("reason"), m.path("reason"));
            Condition condition = condition(m.required("condition"), m.path("condition"), facts, 1);
            return code == null || !unique || reason == null || condition == null ? null
                    : new EligibilityRule(code, reason, condition);
        });
    }

    private Condition condition(Node node, String path, Facts facts, int depth) {
        if (node == null) {
            return null;
        }
        if (depth > MAX_CONDITION_DEPTH) {
            problems.report(node, path, ProblemCode.CONDITION_TOO_DEEP, MAX_CONDITION_DEPTH);
            return null;
        }
        YamlMapping m = nodes.mapping(node, path, CONDITION_FIELDS);
        if (m == null) {
            return null;
        }
        List<String> groups = GROUPS.stream().filter(m::has).toList();
        List<String> comparisons = COMPARISONS.stream().filter(m::has).toList();
        List<String> written = CONDITION_FIELDS.stream().filter(m::has).toList();
        if (!groups.isEmpty()) {
            if (written.size() > 1) {
                problems.report(node, path, ProblemCode.CONDITION_MIXED, String.join(", ", written));
                return null;
            }
            return group(m, groups.get(0), facts, depth);
        }
        if (written.isEmpty()) {
            problems.report(node, path, ProblemCode.CONDITION_EMPTY);
            return null;
        }
        Node factNode = m.required("fact");
        String fact = nodes.text(factNode, m.path("fact"));
        if (comparisons.size() != 1) {
            problems.report(node, path, ProblemCode.RULE_OPERATOR_COUNT,
                    comparisons.isEmpty() ? new LocalizedText("无", "none") : String.join(", ", comparisons));
            return null;
        }
        boolean declared = fact != null && facts.types().containsKey(fact);
        if (fact != null && !declared) {
            problems.report(factNode, m.path("fact"), ProblemCode.RULE_FACT_UNDECLARED, fact,
                    Nodes.codes(facts.codes().codes()));
        }
        FactType type = declared ? facts.types().get(fact) : null;
        String operator = comparisons.get(0);
        Node valueNode = m.required(operator);
        if (valueNode == null) {
            return null;
        }
        String valuePath = m.path(operator);
        Comparison comparison = switch (operator) {
            case "atLeast" -> Comparison.AT_LEAST;
            case "atMost" -> Comparison.AT_MOST;
            default -> Comparison.EQUALS;
        };
        Object value;
        if (comparison == Comparison.EQUALS) {
            value = equalsValue(valueNode, valuePath, fact, type);
        } else {
            if (type != null && type != FactType.NUMBER) {
                problems.report(m.keyNode(operator), valuePath, ProblemCode.RULE_COMPARISON_NOT_NUMBER,
                        operator, fact, type);
                return null;
            }
            value = nodes.number(valueNode, valuePath);
        }
        return declared && value != null ? new Condition.FactCondition(fact, comparison, value) : null;
    }

    private Condition group(YamlMapping m, String key, Facts facts, int depth) {
        Node listNode = m.required(key);
        String listPath = m.path(key);
        List<Node> items = nodes.list(listNode, listPath);
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            problems.report(listNode, listPath, ProblemCode.LIST_EMPTY, key);
            return null;
        }
        int before = problems.count();
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Condition condition = condition(items.get(i), FieldPath.index(listPath, i), facts, depth + 1);
            if (condition != null) {
                conditions.add(condition);
            }
        }
        if (problems.count() != before) {
            return null;
        }
        return "anyOf".equals(key) ? new Condition.AnyOf(conditions) : new Condition.AllOf(conditions);
    }

    /** The value of {@code equals}, typed as the fact: a number, a boolean or a text. */
    private Object equalsValue(Node node, String path, String fact, FactType type) {
        if (type == null) {
            // undeclared or mistyped fact, already reported: still read the value for its own problems
            BigDecimal number = Nodes.numberOrNull(node);
            Boolean bool = Nodes.boolOrNull(node);
            return number != null ? number : bool != null ? bool : nodes.anyText(node, path);
        }
        Object value = switch (type) {
            case NUMBER -> Nodes.numberOrNull(node);
            case BOOLEAN -> Nodes.boolOrNull(node);
            case TEXT -> node instanceof ScalarNode scalar ? scalar.getValue() : null;
        };
        if (value == null) {
            problems.report(node, path, ProblemCode.RULE_EQUALS_TYPE, Nodes.describe(node), fact, type);
        }
        return value;
    }

    /**
     * The facts a tier declares.
     *
     * @param codes    every declared code, for duplicates and messages
     * @param types    code to type ({@code null} when the type was wrong and reported)
     * @param declared the facts that were read without problems
     */
    record Facts(UniqueCodes codes, Map<String, FactType> types, List<ApplicationFact> declared) {
    }
}
