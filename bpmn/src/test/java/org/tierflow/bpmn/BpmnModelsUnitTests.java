package org.tierflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierflow.bpmn.TierFlowBpmn.*;

import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.CallActivity;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.GraphicInfo;
import org.flowable.bpmn.model.IOParameter;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.ScriptTask;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.UserTask;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the shipped models as a designer's modeller and the engine would see them: they parse against the
 * BPMN 2.0 schema, pass Flowable's validator, carry complete and tidy diagram interchange, follow the naming
 * conventions, and keep the contract the Java side is written against.
 */
class BpmnModelsUnitTests {

    private static final Pattern ELEMENT_ID = Pattern.compile("(Task|Gateway|Event|Flow)_[a-z][A-Za-z0-9]*");
    private static final Pattern PROCESS_ID = Pattern.compile("tierflow[A-Z][A-Za-z0-9]*Process");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]");
    /** The only condition shapes allowed: {@code ${flag}}, {@code ${!flag}} and {@code ${variable == 'VALUE'}}. */
    private static final Pattern SIMPLE_CONDITION =
            Pattern.compile("\\$\\{(!?[a-z][A-Za-z0-9]*|[a-z][A-Za-z0-9]* == '[A-Z][A-Z_]*')}");
    /** How far (in diagram pixels) a waypoint may sit from the outline of the shape it starts or ends at. */
    private static final double ON_OUTLINE = 1.0;

    static List<String> resources() {
        return BpmnTestModels.resources().toList();
    }

    @ParameterizedTest
    @MethodSource("resources")
    void declaresOneProcessNamedLikeItsFile(String resource) {
        BpmnModel model = BpmnTestModels.parse(resource);

        assertThat(model.getProcesses()).extracting(Process::getId)
                .containsExactly(BpmnTestModels.processIdOf(resource));
        assertThat(model.getMainProcess().isExecutable()).isTrue();
        assertThat(resource).startsWith(RESOURCE_FOLDER).doesNotContain("processes/");
    }

    @ParameterizedTest
    @MethodSource("resources")
    void passesFlowableValidation(String resource) {
        BpmnModel model = BpmnTestModels.parse(resource);

        List<ValidationError> errors = new ProcessValidatorFactory().createDefaultProcessValidator().validate(model);

        assertThat(errors).as("Flowable's validation of %s", resource).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("resources")
    void drawsEveryFlowNodeAndEverySequenceFlow(String resource) {
        BpmnModel model = BpmnTestModels.parse(resource);
        Process process = model.getMainProcess();

        for (FlowNode node : process.findFlowElementsOfType(FlowNode.class)) {
            assertThat(model.getGraphicInfo(node.getId())).as("BPMNShape of %s", node.getId()).isNotNull();
        }
        for (SequenceFlow flow : process.findFlowElementsOfType(SequenceFlow.class)) {
            List<GraphicInfo> waypoints = model.getFlowLocationGraphicInfo(flow.getId());
            assertThat(waypoints).as("BPMNEdge waypoints of %s", flow.getId()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(onOutline(model, flow.getSourceRef(), waypoints.get(0)))
                    .as("%s starts on the outline of %s", flow.getId(), flow.getSourceRef()).isTrue();
            assertThat(onOutline(model, flow.getTargetRef(), waypoints.get(waypoints.size() - 1)))
                    .as("%s ends on the outline of %s", flow.getId(), flow.getTargetRef()).isTrue();
        }
        for (FlowNode node : process.findFlowElementsOfType(FlowNode.class)) {
            if (node instanceof Event || node instanceof Gateway) {
                assertThat(model.getLabelGraphicInfo(node.getId())).as("label position of %s", node.getId()).isNotNull();
            }
        }
        for (SequenceFlow flow : process.findFlowElementsOfType(SequenceFlow.class)) {
            if (flow.getName() != null) {
                assertThat(model.getLabelGraphicInfo(flow.getId())).as("label position of %s", flow.getId()).isNotNull();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("resources")
    void layoutHasNoOverlaps(String resource) {
        BpmnModel model = BpmnTestModels.parse(resource);
        Process process = model.getMainProcess();

        Map<String, Rectangle2D> boxes = new LinkedHashMap<>();
        for (FlowNode node : process.findFlowElementsOfType(FlowNode.class)) {
            boxes.put(node.getId(), rectangle(model.getGraphicInfo(node.getId())));
        }
        for (FlowElement element : process.getFlowElements()) {
            GraphicInfo label = model.getLabelGraphicInfo(element.getId());
            if (label != null) {
                boxes.put("label of " + element.getId(), rectangle(label));
            }
        }
        List<String> names = new ArrayList<>(boxes.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                if (attached(process, names.get(i), names.get(j))) {
                    continue; // a boundary event sits on the outline of its activity, by definition
                }
                assertThat(boxes.get(names.get(i)).intersects(boxes.get(names.get(j))))
                        .as("%s overlaps %s", names.get(i), names.get(j)).isFalse();
            }
        }

        for (SequenceFlow flow : process.findFlowElementsOfType(SequenceFlow.class)) {
            List<GraphicInfo> waypoints = model.getFlowLocationGraphicInfo(flow.getId());
            for (int i = 1; i < waypoints.size(); i++) {
                Line2D segment = new Line2D.Double(waypoints.get(i - 1).getX(), waypoints.get(i - 1).getY(),
                        waypoints.get(i).getX(), waypoints.get(i).getY());
                for (Map.Entry<String, Rectangle2D> box : boxes.entrySet()) {
                    boolean ownEnd = box.getKey().equals(flow.getSourceRef()) || box.getKey().equals(flow.getTargetRef());
                    if (!ownEnd) {
                        assertThat(segment.intersects(box.getValue()))
                                .as("%s runs across %s", flow.getId(), box.getKey()).isFalse();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("resources")
    void readsLeftToRight(String resource) {
        BpmnModel model = BpmnTestModels.parse(resource);
        Process process = model.getMainProcess();
        List<StartEvent> starts = process.findFlowElementsOfType(StartEvent.class);
        assertThat(starts).hasSize(1);
        double startX = model.getGraphicInfo(starts.get(0).getId()).getX();

        for (FlowNode node : process.findFlowElementsOfType(FlowNode.class)) {
            if (node != starts.get(0)) {
                assertThat(model.getGraphicInfo(node.getId()).getX()).as("%s lies right of the start", node.getId())
                        .isGreaterThan(startX);
            }
        }
        for (EndEvent end : process.findFlowElementsOfType(EndEvent.class)) {
            for (SequenceFlow incoming : end.getIncomingFlows()) {
                assertThat(model.getGraphicInfo(end.getId()).getX())
                        .as("%s lies right of %s", end.getId(), incoming.getSourceRef())
                        .isGreaterThan(model.getGraphicInfo(incoming.getSourceRef()).getX());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("resources")
    void idsFollowTheNamingConventions(String resource) {
        BpmnModel model = BpmnTestModels.parse(resource);
        Process process = model.getMainProcess();

        assertThat(process.getId()).matches(PROCESS_ID);
        for (FlowElement element : process.getFlowElements()) {
            assertThat(element.getId()).as("id of a %s", element.getClass().getSimpleName()).matches(ELEMENT_ID);
            String expectedPrefix = element instanceof Activity ? "Task_"
                    : element instanceof Gateway ? "Gateway_"
                    : element instanceof Event ? "Event_"
                    : element instanceof SequenceFlow ? "Flow_"
                    : "(no element of this kind is expected)";
            assertThat(element.getId()).startsWith(expectedPrefix);
        }
    }

    @ParameterizedTest
    @MethodSource("resources")
    void namesAreBilingualChineseFirst(String resource) {
        BpmnModel model = BpmnTestModels.parse(resource);
        Process process = model.getMainProcess();

        assertBilingual(process.getId(), process.getName());
        for (FlowNode node : process.findFlowElementsOfType(FlowNode.class)) {
            assertBilingual(node.getId(), node.getName());
            if (node instanceof Gateway) {
                String[] parts = node.getName().split(" / ");
                assertThat(parts[0]).as("Chinese question of %s", node.getId()).endsWith("？");
                assertThat(parts[1]).as("English question of %s", node.getId()).endsWith("?");
            }
        }
        for (SequenceFlow flow : process.findFlowElementsOfType(SequenceFlow.class)) {
            FlowElement source = process.getFlowElement(flow.getSourceRef());
            if (source instanceof Gateway || flow.getName() != null) {
                assertBilingual(flow.getId(), flow.getName());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("resources")
    void callsOnlyTheContractsDelegatesAndNoScripts(String resource) {
        BpmnModel model = BpmnTestModels.parse(resource);
        Process process = model.getMainProcess();
        List<String> allowed = java.util.stream.Stream.of(NOMINATION_DELEGATES, PUBLICITY_DELEGATES, LIFECYCLE_DELEGATES)
                .flatMap(List::stream)
                .map(bean -> "${" + bean + "}").toList();

        assertThat(process.findFlowElementsOfType(ScriptTask.class)).isEmpty();
        assertThat(process.getExecutionListeners()).isEmpty();
        for (FlowElement element : process.getFlowElements()) {
            assertThat(element.getExecutionListeners()).as("execution listeners of %s", element.getId()).isEmpty();
        }
        for (UserTask task : process.findFlowElementsOfType(UserTask.class)) {
            assertThat(task.getTaskListeners()).as("task listeners of %s", task.getId()).isEmpty();
        }
        for (ServiceTask task : process.findFlowElementsOfType(ServiceTask.class)) {
            assertThat(task.getType()).as("service task type of %s", task.getId()).isNull();
            assertThat(task.getImplementationType()).as("implementation of %s", task.getId())
                    .isEqualTo(ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION);
            assertThat(task.getImplementation()).as("delegate of %s", task.getId()).isIn(allowed);
        }
    }

    @ParameterizedTest
    @MethodSource("resources")
    void conditionsAreSimpleAndGatewaysHaveNoDefaultFlow(String resource) {
        BpmnModel model = BpmnTestModels.parse(resource);
        Process process = model.getMainProcess();

        for (SequenceFlow flow : process.findFlowElementsOfType(SequenceFlow.class)) {
            boolean fromGateway = process.getFlowElement(flow.getSourceRef()) instanceof Gateway;
            if (fromGateway) {
                assertThat(flow.getConditionExpression()).as("condition of %s", flow.getId()).matches(SIMPLE_CONDITION);
            } else {
                assertThat(flow.getConditionExpression()).as("condition of %s", flow.getId()).isNull();
            }
        }
        for (Gateway gateway : process.findFlowElementsOfType(Gateway.class)) {
            assertThat(gateway).isInstanceOf(ExclusiveGateway.class);
            assertThat(gateway.getDefaultFlow()).as("default flow of %s", gateway.getId()).isNull();
        }
    }

    @Test
    void nominationProcessKeepsTheContract() {
        BpmnModel model = BpmnTestModels.parse(NOMINATION_PROCESS_RESOURCE);
        Process process = model.getMainProcess();
        assertThat(process.getId()).isEqualTo(NOMINATION_PROCESS);

        assertThat(process.getFlowElement(EVENT_NOMINATION_SUBMITTED)).isInstanceOf(StartEvent.class);
        assertFollows(process, EVENT_NOMINATION_SUBMITTED, TASK_PREPARE_REVIEW_CHAIN);
        assertDelegate(process, TASK_PREPARE_REVIEW_CHAIN, DELEGATE_PREPARE_REVIEW_CHAIN);
        assertFollows(process, TASK_PREPARE_REVIEW_CHAIN, TASK_REVIEW_AT_LEVEL);

        CallActivity review = (CallActivity) process.getFlowElement(TASK_REVIEW_AT_LEVEL);
        assertThat(review.getCalledElement()).isEqualTo(LEVEL_REVIEW_CALLED_ELEMENT);
        assertThat(review.isInheritBusinessKey()).isTrue();
        assertThat(review.getInParameters()).extracting(IOParameter::getSource).containsExactlyElementsOf(LEVEL_REVIEW_INPUTS);
        assertThat(review.getInParameters()).extracting(IOParameter::getTarget).containsExactlyElementsOf(LEVEL_REVIEW_INPUTS);
        assertThat(review.getOutParameters()).extracting(IOParameter::getSource).containsExactlyElementsOf(LEVEL_REVIEW_OUTPUTS);
        assertThat(review.getOutParameters()).extracting(IOParameter::getTarget).containsExactlyElementsOf(LEVEL_REVIEW_OUTPUTS);
        assertFollows(process, TASK_REVIEW_AT_LEVEL, GATEWAY_LEVEL_OUTCOME);

        assertThat(conditionsOf(process, GATEWAY_LEVEL_OUTCOME)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "${levelOutcome == 'PASS'}", TASK_ADVANCE_TO_NEXT_LEVEL,
                "${levelOutcome == 'REJECT'}", TASK_RECORD_REJECTION,
                "${levelOutcome == 'RETURN_TO_APPLICANT'}", TASK_CORRECT_NOMINATION,
                "${levelOutcome == 'RETURN_TO_LOWER_LEVEL'}", TASK_RETURN_TO_LOWER_LEVEL));

        assertDelegate(process, TASK_ADVANCE_TO_NEXT_LEVEL, DELEGATE_ADVANCE_TO_NEXT_LEVEL);
        assertFollows(process, TASK_ADVANCE_TO_NEXT_LEVEL, GATEWAY_CHAIN_COMPLETE);
        assertThat(conditionsOf(process, GATEWAY_CHAIN_COMPLETE)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "${chainComplete}", TASK_COMPLETE_NOMINATION,
                "${!chainComplete}", TASK_REVIEW_AT_LEVEL));
        assertDelegate(process, TASK_COMPLETE_NOMINATION, DELEGATE_COMPLETE_NOMINATION);
        assertFollows(process, TASK_COMPLETE_NOMINATION, EVENT_NOMINATION_COMPLETED);
        assertThat(process.getFlowElement(EVENT_NOMINATION_COMPLETED)).isInstanceOf(EndEvent.class);

        assertDelegate(process, TASK_RECORD_REJECTION, DELEGATE_RECORD_REJECTION);
        assertFollows(process, TASK_RECORD_REJECTION, EVENT_NOMINATION_REJECTED);
        assertThat(process.getFlowElement(EVENT_NOMINATION_REJECTED)).isInstanceOf(EndEvent.class);

        UserTask correct = (UserTask) process.getFlowElement(TASK_CORRECT_NOMINATION);
        assertThat(correct.getAssignee()).isEqualTo("${" + VAR_APPLICANT_ID + "}");
        assertFollows(process, TASK_CORRECT_NOMINATION, TASK_REVIEW_AT_LEVEL);

        assertDelegate(process, TASK_RETURN_TO_LOWER_LEVEL, DELEGATE_RETURN_TO_LOWER_LEVEL);
        assertFollows(process, TASK_RETURN_TO_LOWER_LEVEL, TASK_REVIEW_AT_LEVEL);
    }

    @Test
    void levelReviewProcessKeepsTheContract() {
        BpmnModel model = BpmnTestModels.parse(LEVEL_REVIEW_PROCESS_RESOURCE);
        Process process = model.getMainProcess();
        assertThat(process.getId()).isEqualTo(LEVEL_REVIEW_PROCESS);

        assertThat(process.getFlowElement(EVENT_LEVEL_REVIEW_STARTED)).isInstanceOf(StartEvent.class);
        assertFollows(process, EVENT_LEVEL_REVIEW_STARTED, TASK_PREPARE_LEVEL);
        assertDelegate(process, TASK_PREPARE_LEVEL, DELEGATE_PREPARE_LEVEL);
        assertFollows(process, TASK_PREPARE_LEVEL, GATEWAY_LEVEL_MODE);

        assertThat(conditionsOf(process, GATEWAY_LEVEL_MODE)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "${levelMode == 'DECIDE'}", TASK_REVIEW_NOMINATION,
                "${levelMode == 'FILE'}", TASK_FILE_WITH_LEVEL,
                "${levelMode == 'AUTO'}", EVENT_LEVEL_DECIDED_AUTOMATICALLY,
                "${levelMode == 'PANEL'}", TASK_ASSIGN_PANEL));

        assertDelegate(process, TASK_ASSIGN_PANEL, DELEGATE_ASSIGN_PANEL);
        assertFollows(process, TASK_ASSIGN_PANEL, TASK_SCORE_NOMINATION);
        UserTask scoring = (UserTask) process.getFlowElement(TASK_SCORE_NOMINATION);
        assertThat(scoring.getAssignee()).isEqualTo("${" + VAR_PANEL_EXPERT + "}");
        assertThat(scoring.getCandidateUsers()).isEmpty();
        assertThat(scoring.getLoopCharacteristics().isSequential()).as("experts score in parallel").isFalse();
        assertThat(scoring.getLoopCharacteristics().getInputDataItem()).isEqualTo("${" + VAR_PANEL_EXPERTS + "}");
        assertThat(scoring.getLoopCharacteristics().getElementVariable()).isEqualTo(VAR_PANEL_EXPERT);
        assertThat(scoring.getLoopCharacteristics().getCompletionCondition()).isEqualTo(PANEL_COMPLETION_CONDITION);
        assertFollows(process, TASK_SCORE_NOMINATION, TASK_CONCLUDE_PANEL);
        assertDelegate(process, TASK_CONCLUDE_PANEL, DELEGATE_CONCLUDE_PANEL);
        assertFollows(process, TASK_CONCLUDE_PANEL, GATEWAY_PANEL_OUTCOME);
        assertThat(conditionsOf(process, GATEWAY_PANEL_OUTCOME)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "${panelOutcome == 'RECOMMENDED'}", TASK_REVIEW_NOMINATION,
                "${panelOutcome == 'NOT_RECOMMENDED'}", EVENT_PANEL_NOT_RECOMMENDED));

        UserTask review = (UserTask) process.getFlowElement(TASK_REVIEW_NOMINATION);
        assertThat(review.getCandidateUsers()).containsExactly("${" + VAR_REVIEW_CANDIDATES + "}");
        assertThat(review.getAssignee()).isNull();
        assertFollows(process, TASK_REVIEW_NOMINATION, EVENT_LEVEL_DECIDED);

        assertDelegate(process, TASK_FILE_WITH_LEVEL, DELEGATE_FILE_WITH_LEVEL);
        assertFollows(process, TASK_FILE_WITH_LEVEL, EVENT_LEVEL_FILED);

        for (String end : List.of(EVENT_LEVEL_DECIDED, EVENT_LEVEL_FILED, EVENT_LEVEL_DECIDED_AUTOMATICALLY,
                EVENT_PANEL_NOT_RECOMMENDED)) {
            assertThat(process.getFlowElement(end)).as(end).isInstanceOf(EndEvent.class);
        }
    }

    @Test
    void publicityProcessWaitsForTheComputedDueDateThenClosesThePublication() {
        BpmnModel model = BpmnTestModels.parse(PUBLICITY_PROCESS_RESOURCE);
        Process process = model.getMainProcess();
        assertThat(process.getId()).isEqualTo(PUBLICITY_PROCESS);

        assertThat(process.getFlowElement(EVENT_PUBLICITY_STARTED)).isInstanceOf(StartEvent.class);
        assertFollows(process, EVENT_PUBLICITY_STARTED, EVENT_PUBLICITY_PERIOD_ENDED);
        FlowElement timer = process.getFlowElement(EVENT_PUBLICITY_PERIOD_ENDED);
        assertThat(timer).isInstanceOf(org.flowable.bpmn.model.IntermediateCatchEvent.class);
        org.flowable.bpmn.model.TimerEventDefinition definition = (org.flowable.bpmn.model.TimerEventDefinition)
                ((org.flowable.bpmn.model.IntermediateCatchEvent) timer).getEventDefinitions().get(0);
        assertThat(definition.getTimeDate()).isEqualTo("${" + VAR_PUBLICITY_ENDS_AT + "}");
        assertFollows(process, EVENT_PUBLICITY_PERIOD_ENDED, TASK_CLOSE_PUBLICITY);
        assertDelegate(process, TASK_CLOSE_PUBLICITY, DELEGATE_CLOSE_PUBLICITY);
        assertFollows(process, TASK_CLOSE_PUBLICITY, EVENT_PUBLICITY_CLOSED);
        assertThat(process.getFlowElement(EVENT_PUBLICITY_CLOSED)).isInstanceOf(EndEvent.class);
    }

    @Test
    void gatewaysCoverEveryValueOfTheirVariable() {
        Process nomination = BpmnTestModels.parse(NOMINATION_PROCESS_RESOURCE).getMainProcess();
        Process level = BpmnTestModels.parse(LEVEL_REVIEW_PROCESS_RESOURCE).getMainProcess();

        assertThat(conditionsOf(nomination, GATEWAY_LEVEL_OUTCOME).keySet()).containsExactlyInAnyOrderElementsOf(
                LEVEL_OUTCOMES.stream().map(value -> "${" + VAR_LEVEL_OUTCOME + " == '" + value + "'}").toList());
        assertThat(conditionsOf(level, GATEWAY_LEVEL_MODE).keySet()).containsExactlyInAnyOrderElementsOf(
                LEVEL_MODES.stream().map(value -> "${" + VAR_LEVEL_MODE + " == '" + value + "'}").toList());
        assertThat(conditionsOf(level, GATEWAY_PANEL_OUTCOME).keySet()).containsExactlyInAnyOrderElementsOf(
                PANEL_OUTCOMES.stream().map(value -> "${" + VAR_PANEL_OUTCOME + " == '" + value + "'}").toList());
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static void assertBilingual(String id, String name) {
        assertThat(name).as("name of %s", id).isNotBlank();
        String[] parts = name.split(" / ", -1);
        assertThat(parts).as("name of %s is 'Chinese / English': %s", id, name).hasSize(2);
        assertThat(HAN.matcher(parts[0]).find()).as("Chinese part of %s: %s", id, name).isTrue();
        assertThat(LATIN.matcher(parts[1]).find()).as("English part of %s: %s", id, name).isTrue();
        assertThat(HAN.matcher(parts[1]).find()).as("English part of %s has no Chinese: %s", id, name).isFalse();
    }

    private static void assertDelegate(Process process, String taskId, String bean) {
        FlowElement element = process.getFlowElement(taskId);
        assertThat(element).as(taskId).isInstanceOf(ServiceTask.class);
        ServiceTask task = (ServiceTask) element;
        assertThat(task.getImplementationType()).isEqualTo(ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION);
        assertThat(task.getImplementation()).as("delegate of %s", taskId).isEqualTo("${" + bean + "}");
    }

    private static void assertFollows(Process process, String sourceId, String targetId) {
        FlowNode source = (FlowNode) process.getFlowElement(sourceId);
        assertThat(source).as(sourceId).isNotNull();
        assertThat(source.getOutgoingFlows()).as("flows leaving %s", sourceId)
                .extracting(SequenceFlow::getTargetRef).containsExactly(targetId);
    }

    /** Condition → target of every flow leaving a gateway. */
    private static Map<String, String> conditionsOf(Process process, String gatewayId) {
        FlowNode gateway = (FlowNode) process.getFlowElement(gatewayId);
        assertThat(gateway).as(gatewayId).isInstanceOf(ExclusiveGateway.class);
        return gateway.getOutgoingFlows().stream()
                .collect(Collectors.toMap(SequenceFlow::getConditionExpression, SequenceFlow::getTargetRef));
    }

    /** Whether one of the two is a boundary event attached to the other. */
    private static boolean attached(Process process, String one, String other) {
        return process.getFlowElement(one) instanceof BoundaryEvent boundary && other.equals(boundary.getAttachedToRefId())
                || process.getFlowElement(other) instanceof BoundaryEvent reverse && one.equals(reverse.getAttachedToRefId());
    }

    private static Rectangle2D rectangle(GraphicInfo info) {
        return new Rectangle2D.Double(info.getX(), info.getY(), info.getWidth(), info.getHeight());
    }

    private static boolean onOutline(BpmnModel model, String elementId, GraphicInfo point) {
        BaseElement element = model.getFlowElement(elementId);
        GraphicInfo shape = model.getGraphicInfo(elementId);
        double halfWidth = shape.getWidth() / 2;
        double halfHeight = shape.getHeight() / 2;
        Point2D centre = new Point2D.Double(shape.getX() + halfWidth, shape.getY() + halfHeight);
        double dx = Math.abs(point.getX() - centre.getX());
        double dy = Math.abs(point.getY() - centre.getY());
        if (element instanceof Event) {
            return Math.abs(centre.distance(point.getX(), point.getY()) - halfWidth) <= ON_OUTLINE;
        }
        if (element instanceof Gateway) {
            return Math.abs(dx / halfWidth + dy / halfHeight - 1) * Math.min(halfWidth, halfHeight) <= ON_OUTLINE;
        }
        boolean inside = dx <= halfWidth + ON_OUTLINE && dy <= halfHeight + ON_OUTLINE;
        boolean onEdge = Math.abs(dx - halfWidth) <= ON_OUTLINE || Math.abs(dy - halfHeight) <= ON_OUTLINE;
        return inside && onEdge;
    }
}
