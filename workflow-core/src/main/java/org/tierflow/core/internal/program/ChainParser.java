package org.tierflow.core.internal.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tierflow.core.api.program.ExpertPanel;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.PanelQuorum;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.api.program.ReviewChain;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.api.program.RubricCriterion;
import org.tierflow.core.api.program.ScoreAggregation;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Review chains: at least one step, levels rising strictly by {@link OrganisationLevel#rank()}, none below the
 * entry level, exactly one DECIDE, FILE only after it; a university chain enters at UNIVERSITY. Expert panels:
 * at least one expert, three for TRIMMED_MEAN, a valid rubric, a quorum of ALL (the default), ANY (not with
 * TRIMMED_MEAN) or {@code k of n} with n the panel size and 1 <= k <= n.
 */
final class ChainParser {

    private static final List<String> CHAIN_FIELDS = List.of("entryLevel", "steps");
    private static final List<String> STEP_FIELDS = List.of("level", "action", "name", "panel");
    private static final List<String> PANEL_FIELDS = List.of("experts", "aggregation", "quorum", "rubric");
    private static final int TRIMMED_MEAN_MIN_EXPERTS = 3;
    private static final Pattern RATIO = Pattern.compile("\\s*(\\d{1,9})\\s+of\\s+(\\d{1,9})\\s*");

    private final Nodes nodes;
    private final Problems problems;
    private final ScoringParser scoring;

    ChainParser(Nodes nodes, ScoringParser scoring) {
        this.nodes = nodes;
        this.problems = nodes.problems();
        this.scoring = scoring;
    }

    /**
     * The chain at {@code node}; {@code null} when anything in it is wrong (reported) or the node is absent.
     *
     * @param university whether this is a university chain, which must enter at UNIVERSITY
     */
    ReviewChain chain(Node node, String path, boolean university) {
        YamlMapping m = nodes.mapping(node, path, CHAIN_FIELDS);
        if (m == null) {
            return null;
        }
        int before = problems.count();
        Node entryNode = m.required("entryLevel");
        OrganisationLevel entry = nodes.level(entryNode, m.path("entryLevel"));
        if (university && entry != null && entry != OrganisationLevel.UNIVERSITY) {
            problems.report(entryNode, m.path("entryLevel"), ProblemCode.UNIVERSITY_CHAIN_ENTRY,
                    Nodes.levelText(entry));
        }
        Node stepsNode = m.required("steps");
        String stepsPath = m.path("steps");
        List<Node> stepNodes = nodes.list(stepsNode, stepsPath);
        if (stepNodes != null && stepNodes.isEmpty()) {
            problems.report(stepsNode, stepsPath, ProblemCode.CHAIN_EMPTY);
        }
        List<ReviewStep> steps = stepNodes == null ? List.of() : steps(stepNodes, stepsPath, stepsNode, entry);
        return problems.count() == before ? new ReviewChain(entry, steps) : null;
    }

    private List<ReviewStep> steps(List<Node> stepNodes, String stepsPath, Node stepsNode, OrganisationLevel entry) {
        List<ReviewStep> steps = new ArrayList<>();
        OrganisationLevel previous = null;
        Node decideNode = null;
        boolean allActionsRead = true;
        List<Node> filesBeforeDecide = new ArrayList<>();
        List<String> filesBeforeDecidePaths = new ArrayList<>();
        for (int i = 0; i < stepNodes.size(); i++) {
            String stepPath = FieldPath.index(stepsPath, i);
            YamlMapping m = nodes.mapping(stepNodes.get(i), stepPath, STEP_FIELDS);
            if (m == null) {
                allActionsRead = false;
                continue;
            }
            Node levelNode = m.required("level");
            OrganisationLevel level = nodes.level(levelNode, m.path("level"));
            if (level != null) {
                if (entry != null && level.rank() < entry.rank()) {
                    problems.report(levelNode, m.path("level"), ProblemCode.CHAIN_BELOW_ENTRY,
                            Nodes.levelText(level), Nodes.levelText(entry));
                } else if (previous != null && level.rank() <= previous.rank()) {
                    problems.report(levelNode, m.path("level"), ProblemCode.CHAIN_NOT_RISING,
                            Nodes.levelText(level), Nodes.levelText(previous));
                }
                previous = level;
            }
            Node actionNode = m.required("action");
            ReviewAction action = nodes.enumValue(actionNode, m.path("action"), ReviewAction.class,
                    ProblemCode.ACTION_UNKNOWN);
            if (action == null) {
                allActionsRead = false;
            } else if (action == ReviewAction.DECIDE) {
                if (decideNode != null) {
                    problems.report(actionNode, m.path("action"), ProblemCode.CHAIN_SECOND_DECIDE,
                            Problems.line(decideNode));
                } else {
                    decideNode = actionNode;
                }
            } else if (action == ReviewAction.FILE && decideNode == null) {
                filesBeforeDecide.add(actionNode);
                filesBeforeDecidePaths.add(m.path("action"));
            }
            LocalizedText name = nodes.localized(m.required("name"), m.path("name"));
            Node panelNode = m.optional("panel");
            ExpertPanel panel = panel(panelNode, m.path("panel"));
            if (level != null && action != null && name != null && (panelNode == null || panel != null)) {
                steps.add(new ReviewStep(level, action, name, Optional.ofNullable(panel)));
            }
        }
        if (decideNode == null) {
            if (allActionsRead && !stepNodes.isEmpty()) {
                problems.report(stepsNode, stepsPath, ProblemCode.CHAIN_NO_DECIDE);
            }
        } else {
            for (int i = 0; i < filesBeforeDecide.size(); i++) {
                problems.report(filesBeforeDecide.get(i), filesBeforeDecidePaths.get(i),
                        ProblemCode.CHAIN_FILE_BEFORE_DECIDE, Problems.line(decideNode));
            }
        }
        return steps;
    }

    private ExpertPanel panel(Node node, String path) {
        YamlMapping m = nodes.mapping(node, path, PANEL_FIELDS);
        if (m == null) {
            return null;
        }
        int before = problems.count();
        Node expertsNode = m.required("experts");
        Integer experts = nodes.wholeNumber(expertsNode, m.path("experts"));
        if (experts != null && experts < 1) {
            problems.report(expertsNode, m.path("experts"), ProblemCode.PANEL_EXPERTS, experts);
            experts = null;
        }
        Node aggregationNode = m.optional("aggregation");
        ScoreAggregation aggregation = aggregationNode == null ? ScoreAggregation.MEAN
                : nodes.enumValue(aggregationNode, m.path("aggregation"), ScoreAggregation.class,
                        ProblemCode.AGGREGATION_UNKNOWN);
        if (aggregation == ScoreAggregation.TRIMMED_MEAN && experts != null && experts < TRIMMED_MEAN_MIN_EXPERTS) {
            problems.report(aggregationNode, m.path("aggregation"), ProblemCode.PANEL_TRIMMED_MEAN, experts);
        }
        PanelQuorum quorum = quorum(m.optional("quorum"), m.path("quorum"), experts, aggregation);
        List<RubricCriterion> rubric = scoring.criteria(m.required("rubric"), m.path("rubric"), "rubric");
        return problems.count() == before ? new ExpertPanel(experts, aggregation, rubric, quorum) : null;
    }

    /** {@code ALL} (also when absent), {@code ANY} or {@code k of n}; {@code null} when wrong (reported). */
    private PanelQuorum quorum(Node node, String path, Integer experts, ScoreAggregation aggregation) {
        if (node == null) {
            return experts == null ? null : PanelQuorum.all(experts);
        }
        String text = nodes.text(node, path);
        if (text == null) {
            return null;
        }
        if ("ALL".equals(text.trim())) {
            return experts == null ? null : PanelQuorum.all(experts);
        }
        if ("ANY".equals(text.trim())) {
            if (aggregation == ScoreAggregation.TRIMMED_MEAN) {
                problems.report(node, path, ProblemCode.QUORUM_ANY_TRIMMED_MEAN);
                return null;
            }
            return PanelQuorum.any();
        }
        Matcher ratio = RATIO.matcher(text);
        if (!ratio.matches()) {
            problems.report(node, path, ProblemCode.QUORUM_INVALID, text);
            return null;
        }
        int required = Integer.parseInt(ratio.group(1));
        int of = Integer.parseInt(ratio.group(2));
        if (experts != null && of != experts) {
            problems.report(node, path, ProblemCode.QUORUM_RATIO_PANEL_SIZE, text.trim(), of, experts);
            return null;
        }
        if (required < 1 || required > of) {
            problems.report(node, path, ProblemCode.QUORUM_RATIO_RANGE, text.trim(), required, of);
            return null;
        }
        return PanelQuorum.ratio(required);
    }
}
