package org.tierflow.core.internal.bpmn;

import static org.tierflow.bpmn.TierFlowBpmn.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.BusinessRuleTask;
import org.flowable.bpmn.model.CallActivity;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.EventDefinition;
import org.flowable.bpmn.model.EventListener;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.IOParameter;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.InclusiveGateway;
import org.flowable.bpmn.model.ManualTask;
import org.flowable.bpmn.model.MultiInstanceLoopCharacteristics;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.ReceiveTask;
import org.flowable.bpmn.model.ScriptTask;
import org.flowable.bpmn.model.SendTask;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.SubProcess;
import org.flowable.bpmn.model.UserTask;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.tierflow.core.api.BpmnContractViolation;
import org.tierflow.core.api.program.LocalizedText;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks BPMN models against TierFlow's BPMN contract ({@code docs/reference/bpmn-contract.md}) before they are
 * deployed, so that a customised model that would break TierFlow, or run code TierFlow does not control, is
 * refused with the element and the rule named.
 *
 * <p>Each model is first read by a SAX parser that refuses any {@code DOCTYPE} (so no external entity is ever
 * resolved), then parsed with Flowable's {@link BpmnXMLConverter} against the BPMN 2.0 schema (an XML or schema
 * error is a violation with its line and column), run through Flowable's default process validator, and then
 * checked rule by rule:
 * <ul>
 *   <li>it defines only {@code tierflowNominationProcess} and/or {@code tierflowLevelReviewProcess}, executable;</li>
 *   <li>the elements the Java side relies on exist with their kind: the user tasks {@code Task_reviewNomination}
 *       (candidate users {@code ${reviewCandidates}}) and {@code Task_correctNomination} (assignee
 *       {@code ${applicantId}}), {@code Task_scoreNomination}, and a call activity calling the level review with
 *       its in- and out-parameters;</li>
 *   <li>every service task calls one of the process's beans of {@code TierFlowBpmn.NOMINATION_DELEGATES} through
 *       {@code flowable:delegateExpression}, and every such bean is still called;</li>
 *   <li>no script tasks or other code-running activities, no listeners except on those beans, no
 *       {@code flowable:skipExpression};</li>
 *   <li>multi-instance only on the panel's user task {@code Task_scoreNomination} (assignee {@code ${panelExpert}}):
 *       parallel over {@code ${panelExperts}}, element variable {@code panelExpert}, no loop cardinality, and
 *       exactly the completion condition {@code ${tierflowPanelQuorum.reached(execution)}} — the only expression
 *       that calls a bean outside a delegate expression;</li>
 *   <li>conditions take only the forms {@code ${name == 'VALUE'}}, {@code ${name != 'VALUE'}}, {@code ${name}} and
 *       {@code ${!name}} on a contract variable, and any other expression in the model only reads a contract
 *       variable ({@code ${name}});</li>
 *   <li>a gateway deciding on {@code levelOutcome} has a guarded flow for each of the four outcomes, one on
 *       {@code levelMode} for each of the four modes, one on {@code panelOutcome} for both panel outcomes, one on a
 *       flag for both {@code true} and {@code false}.</li>
 * </ul>
 * The life-cycle models (deployed together, with {@code tierflowPhaseProcess} for the phases of program B's
 * projects) keep their user tasks, timers, gateways and call activities as {@code docs/reference/bpmn-contract.md}
 * lists them; the phase decision {@code Task_decidePhase} is due exactly at {@code ${phaseDueAt}}.
 * Everything else (names, layout, extra user tasks or steps between contract elements) a designer may change.
 *
 * <p>An organisation's own level review (a <em>level-review variant</em>, registered per organisation unit) is a
 * process under a key of its own, checked by every rule of {@code tierflowLevelReviewProcess}; a variant no model
 * defines, or a nomination model that calls {@code tierflowLevelReviewProcess} by name while variants are
 * registered (so they would never run), is a violation too.
 */
public final class BpmnContractValidator {

    /** Element id of a violation that has no element: the XML could not be read, or the schema refused it. */
    public static final String XML_ERROR = "(xml)";

    /** Element id of a violation about the model as a whole (it defines no process). */
    public static final String MODEL = "(model)";

    /** Resource of a violation about the level-review variants units use rather than about one model. */
    public static final String LEVEL_REVIEW_VARIANTS = "(level-review variants)";

    private static final String BPMN_MODEL_NAMESPACE = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private static final List<String> NOMINATION_GROUP = List.of(NOMINATION_PROCESS, LEVEL_REVIEW_PROCESS);

    /** The processes of the life cycle after selection: deployed together, since the life cycle calls each by id. */
    private static final List<String> LIFECYCLE_GROUP = List.of(LIFECYCLE_PROCESS, TASK_BOOK_PROCESS,
            IMPLEMENTATION_PROCESS, ACCEPTANCE_PROCESS, EVALUATION_PROCESS, PHASE_PROCESS);

    private static final List<String> CONTRACT_PROCESSES = concat(NOMINATION_GROUP, LIFECYCLE_GROUP);

    /** Every process TierFlow starts by id: the nomination pair (deployed together) and the publicity. */
    private static final List<String> KNOWN_PROCESSES = concat(CONTRACT_PROCESSES, List.of(PUBLICITY_PROCESS));

    /** Every variable of the contract: the only names conditions and expressions may read. */
    static final Set<String> CONTRACT_VARIABLES = Set.of(
            VAR_NOMINATION_ID, VAR_PROGRAM_CODE, VAR_TIER_CODE, VAR_APPLICANT_ID, VAR_STEP_INDEX, VAR_CHAIN_LENGTH,
            VAR_CHAIN_COMPLETE, VAR_LEVEL_MODE, VAR_REVIEW_CANDIDATES, VAR_LEVEL_OUTCOME, VAR_REVIEW_UNIT_ID,
            VAR_REVIEW_LEVEL, VAR_REVIEW_ACTION, VAR_STEP_NAME_ZH, VAR_STEP_NAME_EN, VAR_APPROVER_UNIT_ID,
            VAR_APPROVER_LEVEL, VAR_APPROVER_SOURCE, VAR_PANEL_EXPERTS, VAR_PANEL_EXPERT, VAR_PANEL_OUTCOME,
            VAR_LEVEL_REVIEW_PROCESS, VAR_PUBLICATION_ID, VAR_PUBLICITY_ENDS_AT,
            // the life cycle after selection
            VAR_NOMINATION_REVIEWED, VAR_NOMINATION_SELECTED, VAR_TASK_BOOK_REQUIRED, VAR_ACCEPTANCE_REQUIRED,
            VAR_EVALUATION_REQUIRED, VAR_CREDENTIAL_AWARDED, VAR_ACCEPTANCE_PASSED, VAR_EVALUATION_QUALIFIED,
            VAR_TASK_BOOK_DEADLINE, VAR_TASK_BOOK_REMINDER_AT, VAR_COUNTERSIGN_CANDIDATES, VAR_SIGNED_ELSEWHERE,
            VAR_WORKING_PERIOD_ENDS_AT, VAR_ACCEPTANCE_ROUND, VAR_ACCEPTANCE_STEP_INDEX, VAR_ACCEPTANCE_CANDIDATES,
            VAR_ACCEPTANCE_DECIDED, VAR_EXTENSION_AVAILABLE, VAR_EVALUATION_CANDIDATES, VAR_CREDENTIAL_ISSUERS,
            // the phases of a tier's work (program B)
            VAR_PHASES_DEFINED, VAR_PHASE_PASSED, VAR_PHASES_COMPLETE, VAR_PHASE_CANDIDATES, VAR_PHASE_DUE_AT);

    /** The values a string variable of the contract can take, where the contract fixes them. */
    private static final Map<String, List<String>> VALUES = Map.of(
            VAR_LEVEL_OUTCOME, LEVEL_OUTCOMES,
            VAR_LEVEL_MODE, LEVEL_MODES,
            VAR_PANEL_OUTCOME, PANEL_OUTCOMES);

    /** The gateways each process needs: variable decided on → id of the gateway in the shipped model. */
    private static final Map<String, Map<String, String>> REQUIRED_GATEWAYS = Map.of(
            NOMINATION_PROCESS, orderedMap(VAR_LEVEL_OUTCOME, GATEWAY_LEVEL_OUTCOME, VAR_CHAIN_COMPLETE, GATEWAY_CHAIN_COMPLETE),
            LEVEL_REVIEW_PROCESS, orderedMap(VAR_LEVEL_MODE, GATEWAY_LEVEL_MODE, VAR_PANEL_OUTCOME, GATEWAY_PANEL_OUTCOME),
            LIFECYCLE_PROCESS, orderedMap(VAR_NOMINATION_REVIEWED, GATEWAY_NOMINATION_REVIEWED,
                    VAR_NOMINATION_SELECTED, GATEWAY_NOMINATION_SELECTED, VAR_TASK_BOOK_REQUIRED, GATEWAY_TASK_BOOK_REQUIRED,
                    VAR_ACCEPTANCE_REQUIRED, GATEWAY_ACCEPTANCE_REQUIRED, VAR_ACCEPTANCE_PASSED, GATEWAY_ACCEPTANCE_PASSED,
                    VAR_EVALUATION_REQUIRED, GATEWAY_EVALUATION_REQUIRED, VAR_EVALUATION_QUALIFIED, GATEWAY_EVALUATION_QUALIFIED,
                    VAR_CREDENTIAL_AWARDED, GATEWAY_CREDENTIAL_AWARDED, VAR_PHASES_DEFINED, GATEWAY_PHASES_DEFINED,
                    VAR_PHASE_PASSED, GATEWAY_PHASES_PASSED),
            PHASE_PROCESS, orderedMap(VAR_PHASE_PASSED, GATEWAY_PHASE_PASSED, VAR_PHASES_COMPLETE, GATEWAY_PHASES_COMPLETE),
            TASK_BOOK_PROCESS, orderedMap(VAR_SIGNED_ELSEWHERE, GATEWAY_SIGNED_ELSEWHERE),
            ACCEPTANCE_PROCESS, orderedMap(VAR_ACCEPTANCE_DECIDED, GATEWAY_ACCEPTANCE_DECIDED,
                    VAR_ACCEPTANCE_PASSED, GATEWAY_ROUND_PASSED, VAR_EXTENSION_AVAILABLE, GATEWAY_EXTENSION_AVAILABLE),
            EVALUATION_PROCESS, orderedMap(VAR_EVALUATION_QUALIFIED, GATEWAY_QUALIFIED));

    /** A user task the Java side completes, and to whom the model must offer it. */
    private record ContractTask(String processId, String taskId, String assignee, String candidates, LocalizedText why) {
    }

    /** The user tasks of the life-cycle processes (the nomination's two have rules of their own). */
    private static final List<ContractTask> LIFECYCLE_TASKS = List.of(
            new ContractTask(LIFECYCLE_PROCESS, TASK_ISSUE_CREDENTIAL, null, VAR_CREDENTIAL_ISSUERS, new LocalizedText(
                    "颁发认定证书时，TierFlow 完成这个任务", "TierFlow completes it when the credential is issued")),
            new ContractTask(TASK_BOOK_PROCESS, TASK_SIGN_TASK_BOOK, VAR_APPLICANT_ID, null, new LocalizedText(
                    "候选人签署任务书时，TierFlow 完成这个任务", "TierFlow completes it when the candidate signs")),
            new ContractTask(TASK_BOOK_PROCESS, TASK_COUNTERSIGN_TASK_BOOK, null, VAR_COUNTERSIGN_CANDIDATES, new LocalizedText(
                    "任务书签订单位会签时，TierFlow 完成这个任务", "TierFlow completes it when the authority countersigns")),
            new ContractTask(ACCEPTANCE_PROCESS, TASK_SUBMIT_ACCEPTANCE_REPORT, VAR_APPLICANT_ID, null, new LocalizedText(
                    "候选人提交总结报告或整改报告时，TierFlow 完成这个任务",
                    "TierFlow completes it when the candidate submits the final or rectification report")),
            new ContractTask(ACCEPTANCE_PROCESS, TASK_REVIEW_ACCEPTANCE, null, VAR_ACCEPTANCE_CANDIDATES, new LocalizedText(
                    "验收层级作出结论时，TierFlow 完成这个任务", "TierFlow completes it when the acceptance level concludes")),
            new ContractTask(EVALUATION_PROCESS, TASK_COLLECT_EVALUATION_SCORES, null, VAR_EVALUATION_CANDIDATES,
                    new LocalizedText("各方评分齐全时，TierFlow 完成这个任务", "TierFlow completes it when every party has scored")),
            new ContractTask(PHASE_PROCESS, TASK_DECIDE_PHASE, null, VAR_PHASE_CANDIDATES, new LocalizedText(
                    "阶段的决定层级作出结论时，TierFlow 完成这个任务", "TierFlow completes it when the phase's level decides")));

    /** Which process may call which by a call activity, with what it must pass in and hand back. */
    private record Call(String caller, String called, List<String> in, List<String> out) {
    }

    private static final List<Call> CALLS = List.of(
            new Call(NOMINATION_PROCESS, LEVEL_REVIEW_PROCESS, LEVEL_REVIEW_INPUTS, LEVEL_REVIEW_OUTPUTS),
            new Call(LIFECYCLE_PROCESS, NOMINATION_PROCESS, PHASE_INPUTS, List.of()),
            new Call(LIFECYCLE_PROCESS, TASK_BOOK_PROCESS, PHASE_INPUTS, List.of()),
            new Call(LIFECYCLE_PROCESS, IMPLEMENTATION_PROCESS, PHASE_INPUTS, List.of()),
            new Call(LIFECYCLE_PROCESS, ACCEPTANCE_PROCESS, PHASE_INPUTS, List.of(VAR_ACCEPTANCE_PASSED)),
            new Call(LIFECYCLE_PROCESS, EVALUATION_PROCESS, PHASE_INPUTS, List.of(VAR_EVALUATION_QUALIFIED)),
            new Call(LIFECYCLE_PROCESS, PHASE_PROCESS, PHASE_INPUTS, List.of(VAR_PHASE_PASSED)));

    /** The timers each process needs: process → date variables some timer must wait for. */
    private static final Map<String, List<String>> REQUIRED_TIMERS = Map.of(
            TASK_BOOK_PROCESS, List.of(VAR_TASK_BOOK_REMINDER_AT, VAR_TASK_BOOK_DEADLINE),
            IMPLEMENTATION_PROCESS, List.of(VAR_WORKING_PERIOD_ENDS_AT),
            ACCEPTANCE_PROCESS, List.of(VAR_WORKING_PERIOD_ENDS_AT),
            PHASE_PROCESS, List.of(VAR_PHASE_DUE_AT));

    private record Delegate(String bean, String processId, String elementId, LocalizedText purpose) {
    }

    /** Every bean of the contract, with the process it belongs to and the task that calls it in the shipped model. */
    private static final Map<String, Delegate> DELEGATES = delegates(
            new Delegate(DELEGATE_PREPARE_REVIEW_CHAIN, NOMINATION_PROCESS, TASK_PREPARE_REVIEW_CHAIN, new LocalizedText(
                    "确定评审链并设置 stepIndex 和 chainLength", "works out the review chain and sets stepIndex and chainLength")),
            new Delegate(DELEGATE_ADVANCE_TO_NEXT_LEVEL, NOMINATION_PROCESS, TASK_ADVANCE_TO_NEXT_LEVEL, new LocalizedText(
                    "把推荐推进到评审链的上一级并设置 chainComplete", "moves the nomination one step up the chain and sets chainComplete")),
            new Delegate(DELEGATE_COMPLETE_NOMINATION, NOMINATION_PROCESS, TASK_COMPLETE_NOMINATION, new LocalizedText(
                    "记录推荐已通过整条评审链", "records that the nomination passed the whole chain")),
            new Delegate(DELEGATE_RECORD_REJECTION, NOMINATION_PROCESS, TASK_RECORD_REJECTION, new LocalizedText(
                    "记录推荐被驳回", "records the rejection")),
            new Delegate(DELEGATE_RETURN_TO_LOWER_LEVEL, NOMINATION_PROCESS, TASK_RETURN_TO_LOWER_LEVEL, new LocalizedText(
                    "把推荐退回评审链的下一级", "sends the nomination one step down the chain")),
            new Delegate(DELEGATE_PREPARE_LEVEL, LEVEL_REVIEW_PROCESS, TASK_PREPARE_LEVEL, new LocalizedText(
                    "确定本级如何参与以及由谁审核", "decides how the level takes part and who reviews")),
            new Delegate(DELEGATE_FILE_WITH_LEVEL, LEVEL_REVIEW_PROCESS, TASK_FILE_WITH_LEVEL, new LocalizedText(
                    "向不作决定的层级备案并设置 levelOutcome", "files the nomination with a level that does not decide and sets levelOutcome")),
            new Delegate(DELEGATE_ASSIGN_PANEL, LEVEL_REVIEW_PROCESS, TASK_ASSIGN_PANEL, new LocalizedText(
                    "分配评审专家（回避本校、本区县的专家）并设置 panelExperts",
                    "assigns the panel's experts (none from the candidate's own school or district) and sets panelExperts")),
            new Delegate(DELEGATE_CONCLUDE_PANEL, LEVEL_REVIEW_PROCESS, TASK_CONCLUDE_PANEL, new LocalizedText(
                    "汇总专家评分、记录本级得分并设置 panelOutcome",
                    "aggregates the experts' scores, records the step's score and sets panelOutcome")),
            new Delegate(DELEGATE_CLOSE_PUBLICITY, PUBLICITY_PROCESS, TASK_CLOSE_PUBLICITY, new LocalizedText(
                    "公示期满后结束公示并确认没有未决异议的人选", "closes the publication when its period ends and confirms the candidates without an open objection")),
            new Delegate(DELEGATE_PREPARE_LIFECYCLE, LIFECYCLE_PROCESS, TASK_PREPARE_LIFECYCLE, new LocalizedText(
                    "按培养方案确定候选人要经过哪些环节", "reads from the program definition which phases the candidate goes through")),
            new Delegate(DELEGATE_PREPARE_TASK_BOOK, TASK_BOOK_PROCESS, TASK_PREPARE_TASK_BOOK, new LocalizedText(
                    "生成任务书并确定签署期限", "generates the task book and its signing deadline")),
            new Delegate(DELEGATE_REMIND_TO_SIGN, TASK_BOOK_PROCESS, TASK_REMIND_TO_SIGN, new LocalizedText(
                    "提醒候选人签署任务书", "reminds the candidate to sign")),
            new Delegate(DELEGATE_REPORT_SIGNING_OVERDUE, TASK_BOOK_PROCESS, TASK_REPORT_SIGNING_OVERDUE, new LocalizedText(
                    "通报任务书逾期未签", "reports that the signing deadline passed")),
            new Delegate(DELEGATE_START_IMPLEMENTATION, IMPLEMENTATION_PROCESS, TASK_START_IMPLEMENTATION, new LocalizedText(
                    "按培养周期确定工作期结束时间", "fixes the end of the working period from the implementation period")),
            new Delegate(DELEGATE_REQUEST_FINAL_REPORT, IMPLEMENTATION_PROCESS, TASK_REQUEST_FINAL_REPORT, new LocalizedText(
                    "请候选人提交总结报告", "asks the candidate for the final report")),
            new Delegate(DELEGATE_PREPARE_ACCEPTANCE, ACCEPTANCE_PROCESS, TASK_PREPARE_ACCEPTANCE, new LocalizedText(
                    "开始第一轮验收", "opens the first acceptance round")),
            new Delegate(DELEGATE_PREPARE_ACCEPTANCE_LEVEL, ACCEPTANCE_PROCESS, TASK_PREPARE_ACCEPTANCE_LEVEL, new LocalizedText(
                    "确定本级验收由谁办理", "finds who acts at the current acceptance step")),
            new Delegate(DELEGATE_EXTEND_WORKING_PERIOD, ACCEPTANCE_PROCESS, TASK_EXTEND_WORKING_PERIOD, new LocalizedText(
                    "按培养方案延长工作期", "extends the working period by the definition's extension")),
            new Delegate(DELEGATE_PREPARE_EVALUATION, EVALUATION_PROCESS, TASK_PREPARE_EVALUATION, new LocalizedText(
                    "确定谁可以评分", "lists who may score")),
            new Delegate(DELEGATE_START_PHASE, PHASE_PROCESS, TASK_START_PHASE, new LocalizedText(
                    "按培养方案开始下一阶段，设置决定人和到期日", "opens the definition's next phase and sets who decides it and its due date")),
            new Delegate(DELEGATE_REPORT_PHASE_OVERDUE, PHASE_PROCESS, TASK_REPORT_PHASE_OVERDUE, new LocalizedText(
                    "通报阶段逾期未决定", "reports that the phase's decision is overdue")));

    /** Attributes whose expressions the model rules check (or refuse) themselves, by element: not scanned again. */
    private static final Map<String, Set<String>> CHECKED_ATTRIBUTES = Map.of(
            "serviceTask", Set.of("class", "expression", "delegateExpression"),
            "executionListener", Set.of("class", "expression", "delegateExpression"),
            "taskListener", Set.of("class", "expression", "delegateExpression"),
            "eventListener", Set.of("class", "delegateExpression"));

    /** Attributes of the two contract user tasks that their own rules check. */
    private static final Map<String, Set<String>> CHECKED_TASK_ATTRIBUTES = Map.of(
            TASK_REVIEW_NOMINATION, Set.of("assignee", "candidateUsers", "candidateGroups"),
            TASK_CORRECT_NOMINATION, Set.of("assignee", "candidateUsers", "candidateGroups"),
            TASK_SCORE_NOMINATION, Set.of("assignee", "candidateUsers", "candidateGroups"));

    private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";
    private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{\\s*(" + NAME + ")\\s*}");
    private static final Pattern FLAG_CONDITION = Pattern.compile("\\$\\{\\s*(!?)\\s*(" + NAME + ")\\s*}");
    private static final Pattern COMPARISON_CONDITION =
            Pattern.compile("\\$\\{\\s*(" + NAME + ")\\s*(==|!=)\\s*'([A-Za-z0-9_.-]*)'\\s*}");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}?");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\"[^\"]*\":");
    private static final Pattern PLAIN_REFERENCE = Pattern.compile("\\s*(" + NAME + ")\\s*");

    private BpmnContractValidator() {
    }

    /**
     * Checks one model on its own: the schema, Flowable's validator and every contract rule of the processes it
     * defines.
     *
     * @param resource the resource name the model is deployed under, used in the violations
     * @param xml      the model
     * @return every violation, in line order; empty when the model keeps the contract
     */
    public static List<BpmnContractViolation> validate(String resource, String xml) {
        return check(resource, xml, Set.of()).violations();
    }

    /**
     * Checks the models deployed together: each on its own, and that together they define each of TierFlow's
     * processes exactly once.
     *
     * @param models resource name → model, in the order they are deployed
     * @return every violation of every model, by resource and then line; empty when all keep the contract
     */
    public static List<BpmnContractViolation> validate(Map<String, String> models) {
        return validate(models, Set.of());
    }

    /**
     * Checks the models deployed together, as {@link #validate(Map)}, with the keys of the level-review variants
     * organisation units use: a process under such a key is checked as a level review, every variant must be
     * defined by exactly one model, and the nomination must call the level review through
     * {@code ${levelReviewProcess}} so the variants run.
     *
     * @param models              resource name → model, in the order they are deployed
     * @param levelReviewVariants process keys used instead of {@code tierflowLevelReviewProcess} by some unit
     * @return every violation; empty when all keep the contract
     */
    public static List<BpmnContractViolation> validate(Map<String, String> models, Set<String> levelReviewVariants) {
        Set<String> variants = new LinkedHashSet<>(levelReviewVariants);
        variants.removeAll(CONTRACT_PROCESSES);
        List<BpmnContractViolation> violations = new ArrayList<>();
        Map<String, List<Checked>> definitions = new LinkedHashMap<>();
        boolean allRead = true;
        for (Map.Entry<String, String> model : models.entrySet()) {
            Checked checked = check(model.getKey(), model.getValue(), variants);
            violations.addAll(checked.violations());
            allRead &= checked.processes() != null;
            if (checked.processes() != null) {
                checked.processes().keySet().forEach(id -> definitions.computeIfAbsent(id, k -> new ArrayList<>()).add(checked));
            }
        }
        boolean lifecycleGiven = LIFECYCLE_GROUP.stream().anyMatch(definitions::containsKey);
        for (String processId : KNOWN_PROCESSES) {
            List<Checked> defining = definitions.getOrDefault(processId, List.of());
            if (defining.isEmpty() && allRead && LIFECYCLE_GROUP.contains(processId) && lifecycleGiven) {
                violations.add(new BpmnContractViolation(RESOURCE_FOLDER + processId + RESOURCE_SUFFIX, 0, 0, processId,
                        "process-missing", new LocalizedText(
                        "没有任何模型定义流程 " + processId + "：培养全周期的流程（" + String.join("、", LIFECYCLE_GROUP)
                                + "）需要一起部署，" + LIFECYCLE_PROCESS + " 按 id 调用其他流程",
                        "no model defines the process " + processId + ": the life-cycle processes ("
                                + String.join(", ", LIFECYCLE_GROUP) + ") are deployed together, since "
                                + LIFECYCLE_PROCESS + " calls the others by id")));
            } else if (defining.isEmpty() && allRead && NOMINATION_GROUP.contains(processId)) {
                violations.add(new BpmnContractViolation(RESOURCE_FOLDER + processId + RESOURCE_SUFFIX, 0, 0, processId,
                        "process-missing", new LocalizedText(
                        "没有任何模型定义流程 " + processId + "：TierFlow 需要同时部署 " + NOMINATION_PROCESS + " 和 "
                                + LEVEL_REVIEW_PROCESS + "，推荐评审按 id 调用本级审核",
                        "no model defines the process " + processId + ": TierFlow deploys " + NOMINATION_PROCESS
                                + " and " + LEVEL_REVIEW_PROCESS + " together, since the nomination calls the level review by id")));
            }
            for (Checked duplicate : defining.subList(Math.min(1, defining.size()), defining.size())) {
                Process process = duplicate.processes().get(processId);
                violations.add(new BpmnContractViolation(duplicate.resource(), process.getXmlRowNumber(),
                        process.getXmlColumnNumber(), processId, "process-duplicate", new LocalizedText(
                        "流程 " + processId + " 在 " + defining.get(0).resource() + " 和 " + duplicate.resource()
                                + " 中都有定义：每个流程只能来自一个模型，否则无法确定运行哪一个",
                        "the process " + processId + " is defined in both " + defining.get(0).resource() + " and "
                                + duplicate.resource() + ": each process must come from exactly one model, or TierFlow"
                                + " cannot tell which one to run")));
            }
        }
        for (String variant : variants) {
            List<Checked> defining = definitions.getOrDefault(variant, List.of());
            if (defining.isEmpty() && allRead) {
                violations.add(new BpmnContractViolation(LEVEL_REVIEW_VARIANTS, 0, 0, variant,
                        "level-review-variant-missing", new LocalizedText(
                        "有组织单位使用本级审核流程 " + variant + "，但没有任何模型定义它：请把定义该流程的 BPMN 模型与 TierFlow 一起部署"
                                + "（TierFlow.Builder.bpmnModel 或 tierflow.bpmn.models），或改正流程 key",
                        "an organisation unit uses the level-review process " + variant + ", but no model defines it:"
                                + " deploy the BPMN model that defines it with TierFlow (TierFlow.Builder.bpmnModel or"
                                + " tierflow.bpmn.models), or correct the process key")));
            }
            for (Checked duplicate : defining.subList(Math.min(1, defining.size()), defining.size())) {
                Process process = duplicate.processes().get(variant);
                violations.add(new BpmnContractViolation(duplicate.resource(), process.getXmlRowNumber(),
                        process.getXmlColumnNumber(), variant, "process-duplicate", new LocalizedText(
                        "流程 " + variant + " 在 " + defining.get(0).resource() + " 和 " + duplicate.resource()
                                + " 中都有定义：每个流程只能来自一个模型，否则无法确定运行哪一个",
                        "the process " + variant + " is defined in both " + defining.get(0).resource() + " and "
                                + duplicate.resource() + ": each process must come from exactly one model, or TierFlow"
                                + " cannot tell which one to run")));
            }
        }
        if (!variants.isEmpty()) {
            for (Checked nomination : definitions.getOrDefault(NOMINATION_PROCESS, List.of())) {
                for (CallActivity call : nomination.processes().get(NOMINATION_PROCESS)
                        .findFlowElementsOfType(CallActivity.class, true)) {
                    if (LEVEL_REVIEW_PROCESS.equals(call.getCalledElement())) {
                        violations.add(new BpmnContractViolation(nomination.resource(), call.getXmlRowNumber(),
                                call.getXmlColumnNumber(), call.getId(), "level-review-call-fixed", new LocalizedText(
                                "调用活动 " + call.getId() + " 固定调用 " + LEVEL_REVIEW_PROCESS + "，因此组织单位各自的本级审核流程（"
                                        + String.join("、", variants) + "）永远不会运行：请设置 calledElement=\""
                                        + LEVEL_REVIEW_CALLED_ELEMENT + "\"",
                                "the call activity " + call.getId() + " calls " + LEVEL_REVIEW_PROCESS + " by name, so"
                                        + " the level reviews organisation units use instead (" + String.join(", ", variants)
                                        + ") would never run: set calledElement=\"" + LEVEL_REVIEW_CALLED_ELEMENT + "\"")));
                    }
                }
            }
        }
        return List.copyOf(violations);
    }

    /**
     * The ids of the processes a model defines, read leniently (no schema check): empty when the XML cannot be
     * read at all. Used to tell which shipped model a customised one replaces.
     */
    public static Set<String> processIds(String xml) {
        Set<String> ids = new LinkedHashSet<>();
        try {
            XMLStreamReader reader = safeInputFactory().createXMLStreamReader(new StringReader(xml));
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.START_ELEMENT && "process".equals(reader.getLocalName())
                            && BPMN_MODEL_NAMESPACE.equals(reader.getNamespaceURI())) {
                        String id = reader.getAttributeValue(null, "id");
                        if (id != null) {
                            ids.add(id);
                        }
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            // unreadable: what was read so far; the full check reports the XML error with its position
        }
        return ids;
    }

    // ------------------------------------------------------------------------------------------ one model

    /** The outcome of checking one model; {@code processes} is null when the model could not be read. */
    private record Checked(String resource, List<BpmnContractViolation> violations, Map<String, Process> processes) {
    }

    private static Checked check(String resource, String xml, Set<String> variants) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(xml, "xml");
        Optional<BpmnContractViolation> malformed = wellFormedness(resource, xml);
        if (malformed.isPresent()) {
            return new Checked(resource, List.of(malformed.get()), null);
        }
        BpmnModel model;
        try {
            byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
            model = new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(bytes), true, true,
                    StandardCharsets.UTF_8.name());
        } catch (RuntimeException e) {
            // XMLException for a schema or syntax error; anything else the converter throws means the same to a designer
            return new Checked(resource, List.of(xmlError(resource, e)), null);
        }
        ModelCheck check = new ModelCheck(resource, model, variants);
        check.flowableValidation();
        check.processes();
        check.expressions(xml);
        List<BpmnContractViolation> violations = check.violations.stream()
                .sorted(Comparator.comparingInt(BpmnContractViolation::line).thenComparingInt(BpmnContractViolation::column))
                .toList();
        Map<String, Process> processes = new LinkedHashMap<>();
        model.getProcesses().forEach(process -> processes.put(process.getId(), process));
        return new Checked(resource, violations, processes);
    }

    /**
     * Reads the XML with a SAX parser that refuses any DOCTYPE: a syntax error gets the parser's own words and
     * position (the StAX reader Flowable validates through reports some of them only as message keys).
     */
    private static Optional<BpmnContractViolation> wellFormedness(String resource, String xml) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newSAXParser().parse(new InputSource(new StringReader(xml)), new DefaultHandler());
            return Optional.empty();
        } catch (SAXParseException e) {
            return Optional.of(xmlViolation(resource, e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            return Optional.of(xmlViolation(resource, 0, 0, e.getMessage()));
        }
    }

    private static BpmnContractViolation xmlError(String resource, RuntimeException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SAXParseException parse) {
                return xmlViolation(resource, parse.getLineNumber(), parse.getColumnNumber(), parse.getMessage());
            }
            if (cause instanceof XMLStreamException stream && stream.getLocation() != null) {
                return xmlViolation(resource, stream.getLocation().getLineNumber(), stream.getLocation().getColumnNumber(),
                        stripLocation(stream.getMessage()));
            }
        }
        return xmlViolation(resource, 0, 0, String.valueOf(error.getMessage()));
    }

    private static BpmnContractViolation xmlViolation(String resource, int line, int column, String parserMessage) {
        String detail = readable(parserMessage);
        return new BpmnContractViolation(resource, Math.max(line, 0), Math.max(column, 0), XML_ERROR, "xml",
                new LocalizedText(
                        "模型不是有效的 BPMN 2.0 XML：" + detail + "。请在建模工具中打开模型，修正后重新保存",
                        "the model is not valid BPMN 2.0 XML: " + detail + ". Open it in your modeller, fix it and save it again"));
    }

    /** StAX prefixes its messages with "ParseError at [row,col]:[l,c]\nMessage: "; the violation carries the position. */
    private static String stripLocation(String message) {
        if (message == null) {
            return "";
        }
        int at = message.indexOf("Message: ");
        return at >= 0 ? message.substring(at + "Message: ".length()) : message;
    }

    /** The parser's message without namespace URIs ({"http://…/MODEL":foo} becomes foo) and without a final period. */
    private static String readable(String message) {
        String text = message == null ? "" : message.trim();
        text = QUALIFIED_NAME.matcher(text).replaceAll("").replace("'{", "'").replace("}'", "'");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** A StAX factory that reads no DTD and no external entity: models may come from untrusted designers. */
    private static XMLInputFactory safeInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** The rules for one parsed model, collecting violations as it goes. */
    private static final class ModelCheck {

        private final String resource;
        private final BpmnModel model;
        private final List<BpmnContractViolation> violations = new ArrayList<>();
        private final Set<String> variants;

        ModelCheck(String resource, BpmnModel model, Set<String> variants) {
            this.resource = resource;
            this.model = model;
            this.variants = variants;
        }

        private void add(int line, int column, String elementId, String rule, String zh, String en) {
            violations.add(new BpmnContractViolation(resource, Math.max(line, 0), Math.max(column, 0),
                    elementId == null ? MODEL : elementId, rule, new LocalizedText(zh, en)));
        }

        private void add(BaseElement at, String elementId, String rule, String zh, String en) {
            add(at.getXmlRowNumber(), at.getXmlColumnNumber(), elementId, rule, zh, en);
        }

        // -------------------------------------------------------------------------------- Flowable's own rules

        void flowableValidation() {
            List<ValidationError> errors = new ProcessValidatorFactory().createDefaultProcessValidator().validate(model);
            for (ValidationError error : errors) {
                if (error.isWarning()) {
                    continue;
                }
                String elementId = error.getActivityId() != null ? error.getActivityId() : error.getProcessDefinitionId();
                add(error.getXmlLineNumber(), error.getXmlColumnNumber(), elementId, "flowable-validation",
                        "Flowable 引擎不会部署此模型：" + error.getDefaultDescription() + "（" + error.getProblem() + "）",
                        "Flowable would refuse to deploy the model: " + error.getDefaultDescription()
                                + " (" + error.getProblem() + ")");
            }
        }

        // -------------------------------------------------------------------------------- processes

        void processes() {
            if (model.getProcesses().isEmpty()) {
                add(0, 0, MODEL, "process-missing",
                        "模型中没有流程：它必须定义 TierFlow 的流程之一：" + String.join("、", CONTRACT_PROCESSES),
                        "the model defines no process: it must define one of TierFlow's processes: " + String.join(", ", CONTRACT_PROCESSES));
            }
            for (Process process : model.getProcesses()) {
                if (!KNOWN_PROCESSES.contains(process.getId()) && !variants.contains(process.getId())) {
                    add(process, process.getId(), "process-unknown",
                            "流程 id “" + process.getId() + "” 不属于 TierFlow 的流程约定：TierFlow 按 id 启动和调用 "
                                    + String.join("、", CONTRACT_PROCESSES) + "。请保留原来的流程 id（流程名称可以修改）",
                            "the process id '" + process.getId() + "' is not part of TierFlow's contract: TierFlow starts"
                                    + " and calls " + String.join(", ", CONTRACT_PROCESSES) + " by id. Keep the original"
                                    + " process id (you may rename the process), or register the process as an"
                                    + " organisation unit's own level review");
                    continue;
                }
                if (!process.isExecutable()) {
                    add(process, process.getId(), "process-not-executable",
                            "流程 " + process.getId() + " 必须是可执行的（isExecutable=\"true\"）：否则 Flowable 不会为它创建流程定义，TierFlow 无法启动它",
                            "the process " + process.getId() + " must be executable (isExecutable=\"true\"): otherwise"
                                    + " Flowable creates no process definition and TierFlow cannot start it");
                }
                new ProcessCheck(this, process, variants.contains(process.getId()) ? LEVEL_REVIEW_PROCESS : process.getId()).run();
            }
        }

        // -------------------------------------------------------------------------------- expressions anywhere

        /**
         * Walks the XML itself, so that no attribute or text Flowable may evaluate escapes: every {@code ${…}} or
         * {@code #{…}} must only read a contract variable, unless a model rule checks that place itself.
         */
        void expressions(String xml) {
            List<String> ids = new ArrayList<>();
            List<Location> starts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            try {
                XMLStreamReader reader = safeInputFactory().createXMLStreamReader(new StringReader(xml));
                try {
                    while (reader.hasNext()) {
                        int event = reader.next();
                        if (event == XMLStreamConstants.START_ELEMENT) {
                            String element = reader.getLocalName();
                            String ownId = reader.getAttributeValue(null, "id");
                            String id = ownId != null ? ownId : ids.isEmpty() ? MODEL : ids.get(ids.size() - 1);
                            Location location = reader.getLocation();
                            ids.add(id);
                            starts.add(location);
                            names.add(element);
                            text.setLength(0);
                            for (int i = 0; i < reader.getAttributeCount(); i++) {
                                attribute(element, id, location, reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                            }
                        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                            text.append(reader.getText());
                        } else if (event == XMLStreamConstants.END_ELEMENT) {
                            int top = names.size() - 1;
                            String element = names.get(top);
                            if (!"conditionExpression".equals(element) && !"script".equals(element)
                                    && !"completionCondition".equals(element)) {
                                expression(ids.get(top), starts.get(top), "<" + element + ">", text.toString().trim());
                            }
                            text.setLength(0);
                            ids.remove(top);
                            starts.remove(top);
                            names.remove(top);
                        }
                    }
                } finally {
                    reader.close();
                }
            } catch (XMLStreamException e) {
                // the schema check already read this document; nothing more to say about it
            }
        }

        private void attribute(String element, String id, Location location, String attribute, String value) {
            if ("skipExpression".equals(attribute)) {
                add(location.getLineNumber(), location.getColumnNumber(), id, "skip-expression",
                        id + " 使用了 flowable:skipExpression：跳过表达式会让流程悄悄跳过 TierFlow 依赖的步骤，TierFlow 模型不能使用",
                        id + " uses flowable:skipExpression: a skip expression lets the process silently skip steps"
                                + " TierFlow relies on, so a TierFlow model may not use one");
                return;
            }
            if (CHECKED_ATTRIBUTES.getOrDefault(element, Set.of()).contains(attribute)
                    || ("userTask".equals(element) && CHECKED_TASK_ATTRIBUTES.getOrDefault(id, Set.of()).contains(attribute))) {
                return;
            }
            expression(id, location, attribute, value);
        }

        private void expression(String id, Location location, String where, String value) {
            Matcher expression = EXPRESSION.matcher(value);
            while (expression.find()) {
                Matcher reference = PLAIN_REFERENCE.matcher(expression.group(1));
                boolean plain = expression.group().endsWith("}") && reference.matches()
                        && CONTRACT_VARIABLES.contains(reference.group(1));
                if (!plain) {
                    add(location.getLineNumber(), location.getColumnNumber(), id, "expression",
                            id + " 的 " + where + " 中含有表达式 “" + value + "”：TierFlow 模型中的表达式只能读取约定变量（如 ${"
                                    + VAR_APPLICANT_ID + "}），其他表达式可能在宿主应用中执行任意代码",
                            where + " of " + id + " holds the expression '" + value + "': an expression in a TierFlow"
                                    + " model may only read a contract variable (such as ${" + VAR_APPLICANT_ID + "});"
                                    + " any other expression could run arbitrary code inside the host application");
                    return;
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ one process

    /** A parsed condition of one of the allowed forms. */
    private record Condition(String variable, String operator, String value) {

        static Optional<Condition> parse(String expression) {
            String trimmed = expression.trim();
            Matcher comparison = COMPARISON_CONDITION.matcher(trimmed);
            if (comparison.matches()) {
                return Optional.of(new Condition(comparison.group(1), comparison.group(2), comparison.group(3)));
            }
            Matcher flag = FLAG_CONDITION.matcher(trimmed);
            if (flag.matches()) {
                return Optional.of(new Condition(flag.group(2), flag.group(1).isEmpty() ? "flag" : "!flag", null));
            }
            return Optional.empty();
        }

        boolean isFlag() {
            return value == null;
        }

        boolean holdsFor(String candidate) {
            return switch (operator) {
                case "==" -> value.equals(candidate);
                case "!=" -> !value.equals(candidate);
                case "flag" -> "true".equals(candidate);
                default -> "false".equals(candidate);
            };
        }
    }

    private static final class ProcessCheck {

        private final ModelCheck model;
        private final Process process;
        private final String processId;
        /** The contract process whose rules apply: the process's own id, or the level review for a variant. */
        private final String contractId;
        private final List<FlowElement> elements;
        private final Set<String> beansCalled = new LinkedHashSet<>();
        private final Set<String> timersOn = new LinkedHashSet<>();

        ProcessCheck(ModelCheck model, Process process, String contractId) {
            this.model = model;
            this.process = process;
            this.processId = process.getId();
            this.contractId = contractId;
            this.elements = process.findFlowElementsOfType(FlowElement.class, true);
        }

        void run() {
            for (FlowableListener listener : process.getExecutionListeners()) {
                listener(processId, listener, "执行", "execution");
            }
            for (EventListener listener : process.getEventListeners()) {
                model.add(listener.getXmlRowNumber() > 0 ? listener : process, processId, "event-listener",
                        "流程 " + processId + " 声明了事件监听器（flowable:eventListener）：TierFlow 模型不能注册引擎事件监听器，它们会在宿主应用中执行任意代码",
                        "the process " + processId + " declares an event listener (flowable:eventListener): a TierFlow"
                                + " model may not register engine event listeners; they would run arbitrary code inside"
                                + " the host application");
            }
            for (FlowElement element : elements) {
                element(element);
            }
            if (NOMINATION_PROCESS.equals(contractId)) {
                correctionTask();
                levelReviewCall();
            } else if (PUBLICITY_PROCESS.equals(processId)) {
                publicityTimer();
            } else if (LEVEL_REVIEW_PROCESS.equals(contractId)) {
                reviewTask();
                panelTask();
            } else {
                LIFECYCLE_TASKS.stream().filter(task -> task.processId().equals(processId)).forEach(this::contractTask);
                phaseCalls();
                requiredTimers();
                if (PHASE_PROCESS.equals(processId)) {
                    phaseDueDate();
                }
            }
            gateways();
            requiredDelegates();
        }

        private void element(FlowElement element) {
            if (element instanceof Activity activity && activity.getLoopCharacteristics() != null) {
                multiInstance(activity);
            }
            for (FlowableListener listener : element.getExecutionListeners()) {
                listener(element.getId(), listener, "执行", "execution");
            }
            if (element instanceof UserTask task) {
                for (FlowableListener listener : task.getTaskListeners()) {
                    listener(task.getId(), listener, "任务", "task");
                }
            } else if (element instanceof ServiceTask task) {
                serviceTask(task);
            } else if (element instanceof ScriptTask task) {
                model.add(task, task.getId(), "script-task",
                        "不允许脚本任务 " + task.getId() + "：TierFlow 模型只能通过 TierFlow 的 bean（flowable:delegateExpression）执行代码，"
                                + "脚本会在宿主应用中执行任意代码。请删除它，或改为调用 TierFlow bean 的服务任务",
                        "script tasks are not allowed (" + task.getId() + "): a TierFlow model runs code only through"
                                + " TierFlow's beans (flowable:delegateExpression); a script would run arbitrary code"
                                + " inside the host application. Remove it, or make it a service task calling one of"
                                + " TierFlow's beans");
            } else if (element instanceof CallActivity call) {
                callActivity(call);
            } else if (element instanceof Event event && !PUBLICITY_PROCESS.equals(processId)) {
                // the publicity's timer has a rule of its own (publicityTimer), naming its one allowed due date
                timers(event);
            } else if (element instanceof SequenceFlow flow && flow.getConditionExpression() != null) {
                condition(flow);
            } else if (element instanceof Activity activity && !(element instanceof ManualTask)
                    && !(element instanceof SubProcess)) {
                activityKind(activity);
            }
        }

        private void activityKind(Activity activity) {
            LocalizedText kind = activity instanceof SendTask ? new LocalizedText("发送任务", "a send task")
                    : activity instanceof BusinessRuleTask ? new LocalizedText("业务规则任务", "a business rule task")
                    : activity instanceof ReceiveTask ? new LocalizedText("接收任务", "a receive task")
                    : new LocalizedText(activity.getClass().getSimpleName(), "a " + activity.getClass().getSimpleName());
            model.add(activity, activity.getId(), "activity-kind",
                    activity.getId() + " 是" + kind.zh() + "：TierFlow 模型只能包含用户任务、调用 TierFlow bean 的服务任务、"
                            + "调用本级审核的调用活动、手工任务和嵌入式子流程",
                    activity.getId() + " is " + kind.en() + ": a TierFlow model may contain only user tasks, service"
                            + " tasks calling TierFlow's beans, the call activity of the level review, manual tasks and"
                            + " embedded sub-processes");
        }

        // -------------------------------------------------------------------------------- code

        private String beansOfThisProcess() {
            return DELEGATES.values().stream().filter(d -> d.processId().equals(contractId))
                    .map(d -> "${" + d.bean() + "}").collect(Collectors.joining(", "));
        }

        private void serviceTask(ServiceTask task) {
            String id = task.getId();
            String beans = beansOfThisProcess();
            if (task.getType() != null) {
                model.add(task, id, "service-task-type",
                        "服务任务 " + id + " 的类型是 “" + task.getType() + "”（flowable:type）：TierFlow 模型不能发送邮件、调用 HTTP、"
                                + "执行 shell 命令或使用其他内置任务类型，只能通过 flowable:delegateExpression 调用 TierFlow 的 bean：" + beans,
                        "the service task " + id + " has flowable:type=\"" + task.getType() + "\": a TierFlow model may"
                                + " not send mail, call HTTP, run shell commands or use other built-in task types; it calls"
                                + " Java only through flowable:delegateExpression with one of TierFlow's beans: " + beans);
                return;
            }
            String implementation = task.getImplementation();
            String type = task.getImplementationType();
            if (ImplementationType.IMPLEMENTATION_TYPE_CLASS.equals(type)) {
                model.add(task, id, "service-task-class",
                        "服务任务 " + id + " 使用了 flowable:class=\"" + implementation + "\"：TierFlow 模型不能加载任意 Java 类，"
                                + "请改用 flowable:delegateExpression 调用 TierFlow 的 bean：" + beans,
                        "the service task " + id + " uses flowable:class=\"" + implementation + "\": a TierFlow model"
                                + " may not load arbitrary Java classes; use flowable:delegateExpression with one of"
                                + " TierFlow's beans instead: " + beans);
            } else if (ImplementationType.IMPLEMENTATION_TYPE_EXPRESSION.equals(type)) {
                model.add(task, id, "service-task-expression",
                        "服务任务 " + id + " 使用了 flowable:expression=\"" + implementation + "\"：表达式可以在宿主应用中调用任意方法，"
                                + "TierFlow 模型只能通过 flowable:delegateExpression 调用 TierFlow 的 bean：" + beans,
                        "the service task " + id + " uses flowable:expression=\"" + implementation + "\": an"
                                + " expression can call any method inside the host application; a TierFlow model calls"
                                + " Java only through flowable:delegateExpression with one of TierFlow's beans: " + beans);
            } else if (ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION.equals(type)) {
                if (bean(task, id, implementation)) {
                    if (!task.getFieldExtensions().isEmpty()) {
                        model.add(task, id, "service-task-fields",
                                "服务任务 " + id + " 声明了字段注入（flowable:field）：TierFlow 的 bean 不接受字段，请删除这些字段",
                                "the service task " + id + " declares field injections (flowable:field): TierFlow's"
                                        + " beans take no fields; remove them");
                    }
                }
            } else {
                model.add(task, id, "service-task-implementation",
                        "服务任务 " + id + " 必须通过 flowable:delegateExpression 调用 TierFlow 的 bean 之一：" + beans,
                        "the service task " + id + " must call one of TierFlow's beans through"
                                + " flowable:delegateExpression: " + beans);
            }
        }

        /** Checks a delegate expression names a bean of this process; records it as called. */
        private boolean bean(BaseElement at, String id, String implementation) {
            String beans = beansOfThisProcess();
            Matcher reference = BEAN_REFERENCE.matcher(implementation == null ? "" : implementation.trim());
            Delegate delegate = reference.matches() ? DELEGATES.get(reference.group(1)) : null;
            if (delegate == null) {
                model.add(at, id, "unknown-delegate",
                        id + " 调用的 “" + implementation + "” 不是 TierFlow 的 bean：flowable:delegateExpression 只能是 ${bean} 形式，"
                                + "且 bean 为以下之一：" + beans,
                        id + " calls '" + implementation + "', which is not one of TierFlow's beans:"
                                + " flowable:delegateExpression must be ${bean} with one of: " + beans);
                return false;
            }
            if (!delegate.processId().equals(contractId)) {
                model.add(at, id, "delegate-wrong-process",
                        id + " 调用的 ${" + delegate.bean() + "} 属于流程 " + delegate.processId() + "，不能在 " + processId
                                + " 中调用：它读取和设置的变量只存在于 " + delegate.processId() + " 中",
                        id + " calls ${" + delegate.bean() + "}, which belongs to " + delegate.processId()
                                + " and cannot run in " + processId + ": the variables it reads and writes exist only in "
                                + delegate.processId());
                return false;
            }
            beansCalled.add(delegate.bean());
            return true;
        }

        private void listener(String ownerId, FlowableListener listener, String kindZh, String kindEn) {
            BaseElement at = listener.getXmlRowNumber() > 0 ? listener : process;
            String type = listener.getImplementationType();
            String implementation = listener.getImplementation();
            if (ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION.equals(type)
                    && listener.getCustomPropertiesResolverImplementation() == null) {
                bean(at, ownerId, implementation);
                return;
            }
            String what = ImplementationType.IMPLEMENTATION_TYPE_CLASS.equals(type) ? "class=\"" + implementation + "\""
                    : ImplementationType.IMPLEMENTATION_TYPE_EXPRESSION.equals(type) ? "expression=\"" + implementation + "\""
                    : ImplementationType.IMPLEMENTATION_TYPE_SCRIPT.equals(type) ? "a script"
                    : listener.getCustomPropertiesResolverImplementation() != null ? "a custom properties resolver"
                    : "type=\"" + type + "\"";
            model.add(at, ownerId, "listener",
                    ownerId + " 上的" + kindZh + "监听器使用了 " + what + "：监听器只能通过 flowable:delegateExpression 调用 TierFlow 的 bean，"
                            + "类、表达式和脚本会在宿主应用中执行任意代码",
                    "the " + kindEn + " listener on " + ownerId + " uses " + what + ": a listener may only call one of"
                            + " TierFlow's beans through flowable:delegateExpression; classes, expressions and scripts"
                            + " would run arbitrary code inside the host application");
        }

        private void requiredDelegates() {
            for (Delegate delegate : DELEGATES.values()) {
                if (delegate.processId().equals(contractId) && !beansCalled.contains(delegate.bean())) {
                    model.add(process, delegate.elementId(), "delegate-missing",
                            "流程 " + processId + " 中不再有服务任务调用 ${" + delegate.bean() + "}（原为 " + delegate.elementId()
                                    + "）：它" + delegate.purpose().zh() + "，缺少它评审无法正确进行",
                            "no service task of " + processId + " calls ${" + delegate.bean() + "} any more ("
                                    + delegate.elementId() + " in the shipped model): it " + delegate.purpose().en()
                                    + ", and the review cannot work without it");
                }
            }
        }

        // -------------------------------------------------------------------------------- contract elements

        /** The user task {@code id}, or null after reporting that it is missing or of another kind. */
        private UserTask userTask(String id, LocalizedText why) {
            FlowElement element = process.getFlowElement(id, true);
            if (element == null) {
                model.add(process, id, "element-missing",
                        "流程 " + processId + " 中缺少用户任务 " + id + "：" + why.zh() + "。请保留这个 id（名称可以修改）",
                        "the process " + processId + " has no user task " + id + ": " + why.en()
                                + ". Keep this id (you may rename the task)");
                return null;
            }
            if (!(element instanceof UserTask task)) {
                model.add(element, id, "element-kind",
                        id + " 必须是用户任务：" + why.zh() + "。请保留它的类型（名称可以修改）",
                        id + " must stay a user task: " + why.en() + ". Keep its kind (you may rename it)");
                return null;
            }
            return task;
        }

        /**
         * The publicity waits on a timer whose due date is exactly {@code ${publicityEndsAt}}: TierFlow computes it
         * from the working-day calendar, so a model may not wait on a duration or date of its own.
         */
        private void publicityTimer() {
            FlowElement element = process.getFlowElement(EVENT_PUBLICITY_PERIOD_ENDED, true);
            String due = "${" + VAR_PUBLICITY_ENDS_AT + "}";
            org.flowable.bpmn.model.TimerEventDefinition timer = null;
            if (element instanceof org.flowable.bpmn.model.IntermediateCatchEvent event && event.getEventDefinitions().size() == 1
                    && event.getEventDefinitions().get(0) instanceof org.flowable.bpmn.model.TimerEventDefinition definition) {
                timer = definition;
            }
            if (element == null || timer == null) {
                model.add(element == null ? process : element, EVENT_PUBLICITY_PERIOD_ENDED, "publicity-timer-missing",
                        "流程 " + processId + " 中缺少定时中间捕获事件 " + EVENT_PUBLICITY_PERIOD_ENDED + "（timeDate 为 " + due
                                + "）：公示期按工作日历计算，到期后才能确认人选。请保留这个 id（名称可以修改）",
                        "the process " + processId + " has no intermediate timer catch event " + EVENT_PUBLICITY_PERIOD_ENDED
                                + " (timeDate " + due + "): the publicity period is computed from the working-day calendar"
                                + " and candidates are confirmed only when it ends. Keep this id (you may rename the event)");
                return;
            }
            boolean onDueDate = timer.getTimeDate() != null && due.equals(timer.getTimeDate().trim())
                    && isBlank(timer.getTimeDuration()) && isBlank(timer.getTimeCycle()) && isBlank(timer.getEndDate());
            if (!onDueDate) {
                String found = "timeDate=" + timer.getTimeDate() + ", timeDuration=" + timer.getTimeDuration()
                        + ", timeCycle=" + timer.getTimeCycle();
                model.add(element, EVENT_PUBLICITY_PERIOD_ENDED, "publicity-timer-due-date",
                        EVENT_PUBLICITY_PERIOD_ENDED + " 必须只以 timeDate " + due + " 为到期时间（当前为 " + found
                                + "）：TierFlow 按工作日历（节假日、调休）计算公示期，模型自定的期限会绕过日历",
                        EVENT_PUBLICITY_PERIOD_ENDED + " must be due exactly at timeDate " + due + " (found " + found
                                + "): TierFlow computes the publicity period from the working-day calendar (holidays,"
                                + " make-up working days); a period of the model's own would bypass the calendar");
            }
        }

        private void reviewTask() {
            UserTask task = userTask(TASK_REVIEW_NOMINATION, new LocalizedText(
                    "审核人作出决定时，TierFlow 完成这个任务", "TierFlow completes it when an approver decides"));
            if (task == null) {
                return;
            }
            String candidates = "${" + VAR_REVIEW_CANDIDATES + "}";
            boolean offeredToCandidates = task.getCandidateUsers().size() == 1
                    && candidates.equals(task.getCandidateUsers().get(0).trim())
                    && isBlank(task.getAssignee()) && task.getCandidateGroups().isEmpty();
            if (!offeredToCandidates) {
                String found = "candidateUsers=" + task.getCandidateUsers() + ", candidateGroups=" + task.getCandidateGroups()
                        + ", assignee=" + (isBlank(task.getAssignee()) ? "-" : task.getAssignee());
                model.add(task, TASK_REVIEW_NOMINATION, "review-candidates",
                        TASK_REVIEW_NOMINATION + " 的候选人必须是 " + candidates + "，且不能设置办理人或候选组（当前为 " + found
                                + "）：TierFlow 把目录中有权审核本级的人放入 " + candidates + "，只有他们可以看到并办理这个任务",
                        TASK_REVIEW_NOMINATION + " must be offered to the candidate users " + candidates + ", with no"
                                + " assignee and no candidate groups (found " + found + "): TierFlow puts the people the"
                                + " directory allows to review at this level into " + candidates + ", and only they may"
                                + " see and complete the task");
            }
        }

        /**
         * Multi-instance is allowed on exactly one activity: the panel's {@code Task_scoreNomination} in the level
         * review (or a unit's own level review), parallel over {@code ${panelExperts}} with {@code panelExpert} as element variable, no loop
         * cardinality, and TierFlow's own completion condition (the quorum bean decides, no other expression).
         */
        private void multiInstance(Activity activity) {
            String id = activity.getId();
            MultiInstanceLoopCharacteristics loop = activity.getLoopCharacteristics();
            if (!LEVEL_REVIEW_PROCESS.equals(contractId) || !TASK_SCORE_NOMINATION.equals(id)
                    || !(activity instanceof UserTask)) {
                model.add(activity, id, "multi-instance",
                        id + " 是多实例活动：TierFlow 模型中只有 " + LEVEL_REVIEW_PROCESS + " 的用户任务 " + TASK_SCORE_NOMINATION
                                + "（专家评分）可以是多实例，其他多实例会重复执行 TierFlow 只期望执行一次的步骤",
                        id + " is a multi-instance activity: in a TierFlow model only the user task "
                                + TASK_SCORE_NOMINATION + " (expert scoring) of " + LEVEL_REVIEW_PROCESS
                                + " may be multi-instance; anywhere else it would repeat steps TierFlow expects to run once");
                return;
            }
            String collection = loop.getInputDataItem() == null ? "" : loop.getInputDataItem().trim();
            boolean overExperts = ("${" + VAR_PANEL_EXPERTS + "}").equals(collection) || VAR_PANEL_EXPERTS.equals(collection);
            boolean shaped = !loop.isSequential() && overExperts && VAR_PANEL_EXPERT.equals(loop.getElementVariable())
                    && isBlank(loop.getLoopCardinality()) && isBlank(loop.getElementIndexVariable());
            if (!shaped) {
                String found = "isSequential=" + loop.isSequential() + ", collection=" + (collection.isEmpty() ? "-" : collection)
                        + ", elementVariable=" + loop.getElementVariable()
                        + ", loopCardinality=" + (isBlank(loop.getLoopCardinality()) ? "-" : loop.getLoopCardinality());
                model.add(activity, id, "multi-instance-shape",
                        id + " 必须是并行多实例（isSequential=\"false\"），flowable:collection=\"${" + VAR_PANEL_EXPERTS
                                + "}\"，flowable:elementVariable=\"" + VAR_PANEL_EXPERT + "\"，不设循环次数（当前为 " + found
                                + "）：TierFlow 为每位分配的专家创建一个评分任务，专家们同时评分",
                        id + " must be a parallel multi-instance (isSequential=\"false\") with flowable:collection=\"${"
                                + VAR_PANEL_EXPERTS + "}\", flowable:elementVariable=\"" + VAR_PANEL_EXPERT + "\" and no"
                                + " loop cardinality (found " + found + "): TierFlow creates one scoring task per"
                                + " assigned expert, and the experts score at the same time");
            }
            String condition = loop.getCompletionCondition() == null ? "" : loop.getCompletionCondition().replaceAll("\\s+", "");
            if (!PANEL_COMPLETION_CONDITION.equals(condition)) {
                String found = condition.isEmpty() ? "-" : loop.getCompletionCondition().trim();
                model.add(activity, id, "completion-condition",
                        id + " 的完成条件必须是 " + PANEL_COMPLETION_CONDITION + "（当前为 “" + found + "”）：专家组何时作出决定由"
                                + "方案定义中的表决规则（ALL、ANY 或 k of n）决定，由 TierFlow 的 bean 判断；其他表达式可能在宿主应用中执行任意代码",
                        "the completion condition of " + id + " must be " + PANEL_COMPLETION_CONDITION + " (found '"
                                + found + "'): when the panel has decided follows the quorum of the program definition"
                                + " (ALL, ANY or k of n) and TierFlow's bean judges it; any other expression could run"
                                + " arbitrary code inside the host application");
            }
        }

        private void panelTask() {
            UserTask task = userTask(TASK_SCORE_NOMINATION, new LocalizedText(
                    "评审专家提交评分时，TierFlow 完成这个任务", "TierFlow completes it when a panel expert submits scores"));
            if (task == null) {
                return;
            }
            String expert = "${" + VAR_PANEL_EXPERT + "}";
            boolean assignedToExpert = task.getAssignee() != null && expert.equals(task.getAssignee().trim())
                    && task.getCandidateUsers().isEmpty() && task.getCandidateGroups().isEmpty();
            if (!assignedToExpert) {
                String found = isBlank(task.getAssignee()) ? "-" : task.getAssignee();
                model.add(task, TASK_SCORE_NOMINATION, "panel-assignee",
                        TASK_SCORE_NOMINATION + " 的办理人必须是 " + expert + "（当前为 “" + found
                                + "”），且不能设置候选人或候选组：每个评分任务只属于分配到它的专家",
                        TASK_SCORE_NOMINATION + " must be assigned to " + expert + " (found '" + found + "'), with no"
                                + " candidate users or groups: each scoring task belongs to the expert it was assigned to");
            }
            if (task.getLoopCharacteristics() == null) {
                model.add(task, TASK_SCORE_NOMINATION, "panel-not-multi-instance",
                        TASK_SCORE_NOMINATION + " 必须是并行多实例任务（multiInstanceLoopCharacteristics），每位专家一个实例，完成条件为 "
                                + PANEL_COMPLETION_CONDITION,
                        TASK_SCORE_NOMINATION + " must be a parallel multi-instance task (multiInstanceLoopCharacteristics),"
                                + " one instance per expert, with the completion condition " + PANEL_COMPLETION_CONDITION);
            }
        }

        private void correctionTask() {
            UserTask task = userTask(TASK_CORRECT_NOMINATION, new LocalizedText(
                    "申报人修改推荐后，TierFlow 完成这个任务", "TierFlow completes it when the applicant has corrected the nomination"));
            if (task == null) {
                return;
            }
            String applicant = "${" + VAR_APPLICANT_ID + "}";
            boolean assignedToApplicant = task.getAssignee() != null && applicant.equals(task.getAssignee().trim())
                    && task.getCandidateUsers().isEmpty() && task.getCandidateGroups().isEmpty();
            if (!assignedToApplicant) {
                String found = isBlank(task.getAssignee()) ? "-" : task.getAssignee();
                model.add(task, TASK_CORRECT_NOMINATION, "correction-assignee",
                        TASK_CORRECT_NOMINATION + " 的办理人必须是 " + applicant + "（当前为 “" + found
                                + "”），且不能设置候选人或候选组：只有申报人本人可以修改自己的推荐",
                        TASK_CORRECT_NOMINATION + " must be assigned to " + applicant + " (found '" + found + "'), with"
                                + " no candidate users or groups: only the applicant may correct their own nomination");
            }
        }

        private void levelReviewCall() {
            boolean called = elements.stream().anyMatch(element -> element instanceof CallActivity call
                    && callsLevelReview(call));
            if (!called) {
                model.add(process, TASK_REVIEW_AT_LEVEL, "level-review-call-missing",
                        "流程 " + processId + " 中没有调用 " + LEVEL_REVIEW_PROCESS + " 的调用活动（原为 " + TASK_REVIEW_AT_LEVEL
                                + "）：评审链的每一级都通过它审核",
                        "the process " + processId + " has no call activity calling " + LEVEL_REVIEW_PROCESS + " ("
                                + TASK_REVIEW_AT_LEVEL + " in the shipped model): every step of the review chain is"
                                + " reviewed through it");
            }
        }

        private void callActivity(CallActivity call) {
            String id = call.getId();
            Optional<Call> allowed = CALLS.stream()
                    .filter(c -> c.caller().equals(processId) && c.called().equals(call.getCalledElement())).findFirst();
            if (allowed.isEmpty() && LIFECYCLE_PROCESS.equals(processId)) {
                String phases = CALLS.stream().filter(c -> c.caller().equals(LIFECYCLE_PROCESS)).map(Call::called)
                        .collect(Collectors.joining(", "));
                model.add(call, id, "call-activity-target",
                        "调用活动 " + id + " 调用了 “" + call.getCalledElement() + "”：" + LIFECYCLE_PROCESS
                                + " 只能调用培养周期各环节的流程：" + phases,
                        "the call activity " + id + " calls '" + call.getCalledElement() + "': " + LIFECYCLE_PROCESS
                                + " may only call the processes of the life-cycle phases: " + phases);
                return;
            }
            if (allowed.isPresent() && LIFECYCLE_PROCESS.equals(processId)) {
                phaseCall(call, allowed.get());
                return;
            }
            if (!NOMINATION_PROCESS.equals(processId) || !callsLevelReview(call)) {
                model.add(call, id, "call-activity-target",
                        "调用活动 " + id + " 调用了 “" + call.getCalledElement() + "”：TierFlow 模型中的调用活动只能在 "
                                + NOMINATION_PROCESS + " 中调用本级审核（" + LEVEL_REVIEW_CALLED_ELEMENT + "，即为本级单位选定的本级审核流程，或 "
                                + LEVEL_REVIEW_PROCESS + "），TierFlow 不部署其他流程",
                        "the call activity " + id + " calls '" + call.getCalledElement() + "': in a TierFlow model a call"
                                + " activity may only call the level review (" + LEVEL_REVIEW_CALLED_ELEMENT + ", the level"
                                + " review chosen for the step's unit, or " + LEVEL_REVIEW_PROCESS + ") from " + NOMINATION_PROCESS
                                + "; TierFlow deploys no other process");
                return;
            }
            List<String> missingIn = LEVEL_REVIEW_INPUTS.stream()
                    .filter(name -> call.getInParameters().stream().noneMatch(p -> passes(p, name))).toList();
            if (!missingIn.isEmpty()) {
                model.add(call, id, "call-activity-in",
                        "调用活动 " + id + " 缺少输入参数 " + String.join("、", missingIn)
                                + "（flowable:in，source 和 target 为同名变量）：本级审核需要它们来确定审核的层级和审核人",
                        "the call activity " + id + " does not pass in " + String.join(", ", missingIn)
                                + " (flowable:in with the same source and target): the level review needs them to find"
                                + " the level and its reviewers");
            }
            List<String> missingOut = LEVEL_REVIEW_OUTPUTS.stream()
                    .filter(name -> call.getOutParameters().stream().noneMatch(p -> passes(p, name))).toList();
            if (!missingOut.isEmpty()) {
                String out = String.join(", ", missingOut);
                model.add(call, id, "call-activity-out",
                        "调用活动 " + id + " 没有传出 " + out + "（flowable:out source=\"" + out + "\" target=\"" + out
                                + "\"）：推荐评审根据本级的结论决定下一步",
                        "the call activity " + id + " does not pass " + out + " out (flowable:out source=\"" + out
                                + "\" target=\"" + out + "\"): the nomination routes on the level's conclusion");
            }
            if (!call.isInheritBusinessKey()) {
                model.add(call, id, "call-activity-business-key",
                        "调用活动 " + id + " 必须继承业务键（flowable:inheritBusinessKey=\"true\"）：TierFlow 通过业务键（推荐 id）找到本级审核所属的推荐",
                        "the call activity " + id + " must inherit the business key (flowable:inheritBusinessKey=\"true\"):"
                                + " TierFlow finds the nomination of a level review by its business key (the nomination id)");
            }
        }

        /** Whether the call activity calls the level review: by the variable TierFlow sets per step, or by name. */
        private static boolean callsLevelReview(CallActivity call) {
            String called = call.getCalledElement() == null ? "" : call.getCalledElement().trim();
            Matcher reference = BEAN_REFERENCE.matcher(called);
            return LEVEL_REVIEW_PROCESS.equals(called)
                    || (reference.matches() && VAR_LEVEL_REVIEW_PROCESS.equals(reference.group(1)));
        }

        /** A call from the life cycle to one of its phases: in-parameters, out-parameters, business key. */
        private void phaseCall(CallActivity call, Call allowed) {
            String id = call.getId();
            List<String> missingIn = allowed.in().stream()
                    .filter(name -> call.getInParameters().stream().noneMatch(p -> passes(p, name))).toList();
            if (!missingIn.isEmpty()) {
                model.add(call, id, "call-activity-in",
                        "调用活动 " + id + " 缺少输入参数 " + String.join("、", missingIn)
                                + "（flowable:in，source 和 target 为同名变量）：" + allowed.called() + " 需要它们来找到候选人和培养方案",
                        "the call activity " + id + " does not pass in " + String.join(", ", missingIn)
                                + " (flowable:in with the same source and target): " + allowed.called()
                                + " needs them to find the candidate and the program");
            }
            List<String> missingOut = allowed.out().stream()
                    .filter(name -> call.getOutParameters().stream().noneMatch(p -> passes(p, name))).toList();
            if (!missingOut.isEmpty()) {
                String out = String.join(", ", missingOut);
                model.add(call, id, "call-activity-out",
                        "调用活动 " + id + " 没有传出 " + out + "（flowable:out source=\"" + out + "\" target=\"" + out
                                + "\"）：培养全周期根据该环节的结论决定下一步",
                        "the call activity " + id + " does not pass " + out + " out (flowable:out source=\"" + out
                                + "\" target=\"" + out + "\"): the life cycle routes on the phase's conclusion");
            }
            if (!call.isInheritBusinessKey()) {
                model.add(call, id, "call-activity-business-key",
                        "调用活动 " + id + " 必须继承业务键（flowable:inheritBusinessKey=\"true\"）：TierFlow 通过业务键（推荐 id）找到各环节所属的候选人",
                        "the call activity " + id + " must inherit the business key (flowable:inheritBusinessKey=\"true\"):"
                                + " TierFlow finds the candidate of each phase by its business key (the nomination id)");
            }
        }

        /** The life cycle calls each of its phases somewhere. */
        private void phaseCalls() {
            if (!LIFECYCLE_PROCESS.equals(processId)) {
                return;
            }
            for (Call call : CALLS) {
                boolean called = call.caller().equals(processId) && elements.stream().anyMatch(element ->
                        element instanceof CallActivity activity && call.called().equals(activity.getCalledElement()));
                if (call.caller().equals(processId) && !called) {
                    model.add(process, call.called(), "phase-call-missing",
                            "流程 " + processId + " 中没有调用 " + call.called() + " 的调用活动：培养全周期的每个环节都通过调用活动运行",
                            "the process " + processId + " has no call activity calling " + call.called()
                                    + ": every phase of the life cycle runs through a call activity");
                }
            }
        }

        /**
         * A timer may only wait for a date TierFlow sets from the program definition: {@code <timeDate>${name}</timeDate>}
         * with a name of {@code TierFlowBpmn.TIMER_VARIABLES}. Cycles, durations and fixed dates would ignore the
         * definition and the deadlines an authorised person moves.
         */
        private void timers(Event event) {
            for (EventDefinition definition : event.getEventDefinitions()) {
                if (!(definition instanceof TimerEventDefinition timer)) {
                    continue;
                }
                String variables = String.join(", ", TIMER_VARIABLES);
                Matcher reference = BEAN_REFERENCE.matcher(timer.getTimeDate() == null ? "" : timer.getTimeDate().trim());
                boolean fromContract = reference.matches() && TIMER_VARIABLES.contains(reference.group(1))
                        && isBlank(timer.getTimeCycle()) && isBlank(timer.getTimeDuration()) && isBlank(timer.getEndDate());
                if (!fromContract) {
                    String found = !isBlank(timer.getTimeCycle()) ? "timeCycle " + timer.getTimeCycle()
                            : !isBlank(timer.getTimeDuration()) ? "timeDuration " + timer.getTimeDuration()
                            : "timeDate " + timer.getTimeDate();
                    model.add(event, event.getId(), "timer-definition",
                            "定时事件 " + event.getId() + " 使用了 " + found + "：TierFlow 模型中的定时器只能等待 TierFlow 按培养方案设置的日期，"
                                    + "即 <timeDate>${变量}</timeDate>，变量为以下之一：" + variables
                                    + "；否则期限不再来自培养方案，调整期限后也不会随之改变",
                            "the timer event " + event.getId() + " uses " + found + ": a timer of a TierFlow model may"
                                    + " only wait for a date TierFlow sets from the program definition,"
                                    + " <timeDate>${name}</timeDate> with one of: " + variables + "; otherwise the"
                                    + " deadline no longer comes from the definition and does not follow a moved deadline");
                } else {
                    timersOn.add(reference.group(1));
                }
            }
        }

        private void requiredTimers() {
            for (String variable : REQUIRED_TIMERS.getOrDefault(processId, List.of())) {
                if (!timersOn.contains(variable)) {
                    model.add(process, processId, "timer-missing",
                            "流程 " + processId + " 中没有等待 ${" + variable + "} 的定时事件：TierFlow 依靠它在培养方案规定的时间继续流程",
                            "the process " + processId + " has no timer event waiting for ${" + variable + "}: TierFlow"
                                    + " relies on it to carry on at the time the program definition sets");
                }
            }
        }

        /**
         * The phase's decision is due when the definition says: {@code Task_decidePhase} carries exactly
         * {@code flowable:dueDate="${phaseDueAt}"}, the date TierFlow computes from the phase's period.
         */
        private void phaseDueDate() {
            FlowElement element = process.getFlowElement(TASK_DECIDE_PHASE, true);
            if (!(element instanceof UserTask task)) {
                return; // contractTask already named the missing task
            }
            String due = "${" + VAR_PHASE_DUE_AT + "}";
            if (task.getDueDate() == null || !due.equals(task.getDueDate().trim())) {
                model.add(task, TASK_DECIDE_PHASE, "phase-due-date",
                        TASK_DECIDE_PHASE + " 必须设置 flowable:dueDate=\"" + due + "\"（当前为 " + task.getDueDate()
                                + "）：阶段的到期日由 TierFlow 按培养方案中该阶段的期限计算",
                        TASK_DECIDE_PHASE + " must have flowable:dueDate=\"" + due + "\" (found " + task.getDueDate()
                                + "): TierFlow computes the phase's due date from its period in the program definition");
            }
        }

        /** A user task of the life cycle: it exists, is a user task and is offered as the contract says. */
        private void contractTask(ContractTask contract) {
            UserTask task = userTask(contract.taskId(), contract.why());
            if (task == null) {
                return;
            }
            boolean offered;
            String expected;
            if (contract.assignee() != null) {
                expected = "flowable:assignee=\"${" + contract.assignee() + "}\"";
                offered = task.getAssignee() != null && ("${" + contract.assignee() + "}").equals(task.getAssignee().trim())
                        && task.getCandidateUsers().isEmpty() && task.getCandidateGroups().isEmpty();
            } else {
                expected = "flowable:candidateUsers=\"${" + contract.candidates() + "}\"";
                offered = task.getCandidateUsers().size() == 1
                        && ("${" + contract.candidates() + "}").equals(task.getCandidateUsers().get(0).trim())
                        && isBlank(task.getAssignee()) && task.getCandidateGroups().isEmpty();
            }
            if (!offered) {
                String found = "assignee=" + (isBlank(task.getAssignee()) ? "-" : task.getAssignee()) + ", candidateUsers="
                        + task.getCandidateUsers() + ", candidateGroups=" + task.getCandidateGroups();
                model.add(task, contract.taskId(), "task-assignment",
                        contract.taskId() + " 必须设置 " + expected + "，且不能另设办理人、候选人或候选组（当前为 " + found
                                + "）：只有 TierFlow 按用户目录确定的人可以办理",
                        contract.taskId() + " must have " + expected + " and no other assignee, candidate users or groups"
                                + " (found " + found + "): only the people TierFlow finds in the directory may act on it");
            }
        }

        private static boolean passes(IOParameter parameter, String name) {
            boolean source = name.equals(parameter.getSource())
                    || ("${" + name + "}").equals(parameter.getSourceExpression());
            return source && name.equals(parameter.getTarget());
        }

        // -------------------------------------------------------------------------------- conditions and gateways

        private void condition(SequenceFlow flow) {
            String id = flow.getId();
            String expression = flow.getConditionExpression();
            Optional<Condition> parsed = Condition.parse(expression);
            if (parsed.isEmpty()) {
                model.add(flow, id, "condition-expression",
                        "顺序流 " + id + " 的条件 “" + expression.trim() + "” 不是允许的形式：条件只能是 ${变量 == '值'}、"
                                + "${变量 != '值'}、${变量} 或 ${!变量}，变量为约定变量；其他表达式可能在宿主应用中执行任意代码",
                        "the condition '" + expression.trim() + "' of the sequence flow " + id + " is not one of the"
                                + " allowed forms ${name == 'VALUE'}, ${name != 'VALUE'}, ${name} or ${!name} with a"
                                + " contract variable as name; any other expression could run arbitrary code inside the"
                                + " host application");
                return;
            }
            Condition condition = parsed.get();
            if (!CONTRACT_VARIABLES.contains(condition.variable())) {
                String variables = CONTRACT_VARIABLES.stream().sorted().collect(Collectors.joining(", "));
                model.add(flow, id, "condition-variable",
                        "顺序流 " + id + " 的条件读取的 “" + condition.variable() + "” 不是约定变量；条件只能读取：" + variables,
                        "the condition of the sequence flow " + id + " reads '" + condition.variable() + "', which is"
                                + " not a contract variable; conditions may read only: " + variables);
                return;
            }
            List<String> values = VALUES.get(condition.variable());
            if (values != null && !condition.isFlag() && !values.contains(condition.value())) {
                model.add(flow, id, "condition-value",
                        "顺序流 " + id + " 的条件把 " + condition.variable() + " 与 “" + condition.value() + "” 比较，但 "
                                + condition.variable() + " 只会取以下值：" + String.join("、", values),
                        "the condition of the sequence flow " + id + " compares " + condition.variable() + " with '"
                                + condition.value() + "', but " + condition.variable() + " only ever holds: "
                                + String.join(", ", values));
            }
        }

        private void gateways() {
            Set<String> decided = new LinkedHashSet<>();
            for (FlowElement element : elements) {
                if (element instanceof ExclusiveGateway || element instanceof InclusiveGateway) {
                    decided.addAll(gateway((Gateway) element));
                }
            }
            REQUIRED_GATEWAYS.getOrDefault(contractId, Map.of()).forEach((variable, gatewayId) -> {
                if (!decided.contains(variable)) {
                    String values = VALUES.containsKey(variable) ? String.join(", ", VALUES.get(variable))
                            : "${" + variable + "}, ${!" + variable + "}";
                    model.add(process, gatewayId, "gateway-missing",
                            "流程 " + processId + " 中没有根据 " + variable + " 决定去向的网关（原为 " + gatewayId
                                    + "）：TierFlow 依靠它按 " + variable + " 的每个取值（" + values + "）继续流程",
                            "the process " + processId + " has no gateway deciding on " + variable + " (" + gatewayId
                                    + " in the shipped model): TierFlow relies on one to route on each value of "
                                    + variable + " (" + values + ")");
                }
            });
        }

        /** Checks one deciding gateway; returns the variables it decides on. */
        private Set<String> gateway(Gateway gateway) {
            Map<String, List<Condition>> byVariable = new LinkedHashMap<>();
            for (SequenceFlow flow : gateway.getOutgoingFlows()) {
                if (flow.getConditionExpression() != null) {
                    Condition.parse(flow.getConditionExpression())
                            .filter(c -> CONTRACT_VARIABLES.contains(c.variable()))
                            .ifPresent(c -> byVariable.computeIfAbsent(c.variable(), k -> new ArrayList<>()).add(c));
                }
            }
            for (Map.Entry<String, List<Condition>> decision : byVariable.entrySet()) {
                String variable = decision.getKey();
                List<Condition> conditions = decision.getValue();
                List<String> domain = VALUES.containsKey(variable) ? VALUES.get(variable)
                        : conditions.stream().allMatch(Condition::isFlag) ? List.of("true", "false") : List.of();
                if (VALUES.containsKey(variable)) {
                    unguardedFlows(gateway, variable);
                } else if (gateway.getOutgoingFlows().stream().anyMatch(flow -> flow.getConditionExpression() == null)) {
                    continue;
                }
                List<String> missing = domain.stream()
                        .filter(value -> conditions.stream().noneMatch(c -> c.holdsFor(value)))
                        .map(value -> VALUES.containsKey(variable) ? "${" + variable + " == '" + value + "'}"
                                : "true".equals(value) ? "${" + variable + "}" : "${!" + variable + "}")
                        .toList();
                if (!missing.isEmpty()) {
                    model.add(gateway, gateway.getId(), "gateway-coverage",
                            gateway.getId() + " 根据 " + variable + " 决定去向，但缺少条件为 " + String.join("、", missing)
                                    + " 的顺序流：每个可能的取值都需要一条路径，否则带有该取值的决定会在此网关失败",
                            gateway.getId() + " decides on " + variable + " but has no flow for " + String.join(", ", missing)
                                    + ": every value " + variable + " can take needs a path, or a decision with that"
                                    + " value fails at this gateway");
                }
            }
            return byVariable.keySet();
        }

        private void unguardedFlows(Gateway gateway, String variable) {
            for (SequenceFlow flow : gateway.getOutgoingFlows()) {
                boolean guarded = flow.getConditionExpression() != null && !flow.getId().equals(gateway.getDefaultFlow());
                if (!guarded) {
                    model.add(flow, flow.getId(), "gateway-unguarded-flow",
                            "从 " + gateway.getId() + " 出发的顺序流 " + flow.getId() + " 没有检验 " + variable
                                    + "（没有条件，或是默认流）：" + gateway.getId() + " 的每条出口都必须检验 " + variable
                                    + "，这样未知的取值会在此报错，而不会被悄悄放行",
                            "the sequence flow " + flow.getId() + " leaves " + gateway.getId() + " without testing "
                                    + variable + " (no condition, or the default flow): every flow leaving "
                                    + gateway.getId() + " must test " + variable + ", so an unknown value stops here"
                                    + " with an error instead of slipping through");
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static Map<String, Delegate> delegates(Delegate... delegates) {
        Map<String, Delegate> byBean = new LinkedHashMap<>();
        for (Delegate delegate : delegates) {
            byBean.put(delegate.bean(), delegate);
        }
        Set<String> expected = new LinkedHashSet<>(concat(NOMINATION_DELEGATES, LIFECYCLE_DELEGATES));
        expected.addAll(PUBLICITY_DELEGATES);
        if (!byBean.keySet().equals(expected)) {
            throw new IllegalStateException("the validator's beans " + byBean.keySet()
                    + " differ from TierFlowBpmn.NOMINATION_DELEGATES and LIFECYCLE_DELEGATES");
        }
        return Collections.unmodifiableMap(byBean);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
