package org.tierflow.core.internal.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;
import static org.tierflow.bpmn.TierFlowBpmn.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.BpmnContractException;
import org.tierflow.core.api.BpmnContractViolation;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.support.InMemoryOrganisationDirectory;

/**
 * The deployment check of the BPMN contract, as a process designer meets it: the shipped models and harmless
 * edits pass; each way of breaking the contract is refused with the resource, line, element and a message in
 * both languages. Each broken model is derived from a shipped one by a string edit, so the tests follow the
 * models as they evolve.
 */
class BpmnContractValidatorUnitTests {

    private static final String NOMINATION = read(NOMINATION_PROCESS_RESOURCE);
    private static final String LEVEL_REVIEW = read(LEVEL_REVIEW_PROCESS_RESOURCE);
    private static final String PUBLICITY = read(PUBLICITY_PROCESS_RESOURCE);
    private static final String CUSTOM_PUBLICITY = "acme/tierflowPublicityProcess.bpmn20.xml";

    private static final String CUSTOM_NOMINATION = "acme/tierflowNominationProcess.bpmn20.xml";
    private static final String CUSTOM_LEVEL_REVIEW = "acme/tierflowLevelReviewProcess.bpmn20.xml";

    /** The review task's end tag in the shipped level review, where edits attach children to it. */
    private static final String REVIEW_TASK_TAG_END = "flowable:candidateUsers=\"${reviewCandidates}\"/>";

    // ------------------------------------------------------------------------------------------ what passes

    @Test
    void shippedModelsKeepTheContract() {
        assertThat(BpmnContractValidator.validate(NOMINATION_PROCESS_RESOURCE, NOMINATION)).isEmpty();
        assertThat(BpmnContractValidator.validate(LEVEL_REVIEW_PROCESS_RESOURCE, LEVEL_REVIEW)).isEmpty();
        assertThat(BpmnContractValidator.validate(shippedModels())).isEmpty();
    }

    @Test
    void harmlessDesignerEditPasses() {
        String xml = harmlessLevelReviewEdit();

        assertThat(BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml)).isEmpty();
    }

    @Test
    void designerMayAddStepsBetweenContractElements() {
        String xml = replace(NOMINATION,
                "<sequenceFlow id=\"Flow_nominationCorrected\" sourceRef=\"Task_correctNomination\" targetRef=\"Task_reviewAtLevel\"/>",
                "<userTask id=\"Task_confirmCorrection\" name=\"确认修改 / Confirm the correction\" flowable:assignee=\"${applicantId}\"/>\n"
                        + "    <manualTask id=\"Task_printNomination\" name=\"打印推荐 / Print the nomination\"/>\n"
                        + "    <sequenceFlow id=\"Flow_nominationCorrected\" sourceRef=\"Task_correctNomination\" targetRef=\"Task_confirmCorrection\"/>\n"
                        + "    <sequenceFlow id=\"Flow_correctionConfirmed\" sourceRef=\"Task_confirmCorrection\" targetRef=\"Task_printNomination\"/>\n"
                        + "    <sequenceFlow id=\"Flow_nominationPrinted\" sourceRef=\"Task_printNomination\" targetRef=\"Task_reviewAtLevel\"/>");

        assertThat(BpmnContractValidator.validate(CUSTOM_NOMINATION, xml)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ code the model runs

    @Test
    void refusesAScriptTask() {
        String xml = replace(LEVEL_REVIEW,
                "<sequenceFlow id=\"Flow_levelPrepared\" sourceRef=\"Task_prepareLevel\" targetRef=\"Gateway_levelMode\"/>",
                "<scriptTask id=\"Task_notifyReviewers\" name=\"通知审核人 / Notify the reviewers\" scriptFormat=\"groovy\">"
                        + "<script>new File('/etc/passwd').text</script></scriptTask>\n"
                        + "    <sequenceFlow id=\"Flow_levelPrepared\" sourceRef=\"Task_prepareLevel\" targetRef=\"Task_notifyReviewers\"/>\n"
                        + "    <sequenceFlow id=\"Flow_reviewersNotified\" sourceRef=\"Task_notifyReviewers\" targetRef=\"Gateway_levelMode\"/>");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml);

        assertRules(violations, "script-task");
        assertViolation(violations, "script-task", CUSTOM_LEVEL_REVIEW, lineOfElement(xml, "Task_notifyReviewers"),
                "Task_notifyReviewers", "不允许脚本任务 Task_notifyReviewers", "script tasks are not allowed (Task_notifyReviewers)");
    }

    @Test
    void refusesAServiceTaskWithAClass() {
        String xml = replace(LEVEL_REVIEW, "flowable:delegateExpression=\"${tierflowFileWithLevel}\"",
                "flowable:class=\"com.acme.FileWithLevel\"");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml);

        assertRules(violations, "delegate-missing", "service-task-class");
        assertViolation(violations, "service-task-class", CUSTOM_LEVEL_REVIEW, lineOfElement(xml, TASK_FILE_WITH_LEVEL),
                TASK_FILE_WITH_LEVEL, "使用了 flowable:class=\"com.acme.FileWithLevel\"：TierFlow 模型不能加载任意 Java 类",
                "uses flowable:class=\"com.acme.FileWithLevel\": a TierFlow model may not load arbitrary Java classes");
        assertViolation(violations, "delegate-missing", CUSTOM_LEVEL_REVIEW, lineOfProcess(xml), TASK_FILE_WITH_LEVEL,
                "不再有服务任务调用 ${tierflowFileWithLevel}", "no service task of tierflowLevelReviewProcess calls ${tierflowFileWithLevel}");
    }

    @Test
    void refusesAServiceTaskWithAnExpression() {
        String xml = replace(NOMINATION, "flowable:delegateExpression=\"${tierflowPrepareReviewChain}\"",
                "flowable:expression=\"${tierflowPrepareReviewChain.execute(execution)}\"");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_NOMINATION, xml);

        assertRules(violations, "delegate-missing", "service-task-expression");
        assertViolation(violations, "service-task-expression", CUSTOM_NOMINATION, lineOfElement(xml, TASK_PREPARE_REVIEW_CHAIN),
                TASK_PREPARE_REVIEW_CHAIN, "表达式可以在宿主应用中调用任意方法", "an expression can call any method inside the host application");
    }

    @Test
    void refusesABuiltInTaskType() {
        String xml = replace(LEVEL_REVIEW, "flowable:delegateExpression=\"${tierflowFileWithLevel}\"/>",
                "flowable:type=\"shell\"><extensionElements><flowable:field name=\"command\" stringValue=\"rm\"/>"
                        + "</extensionElements></serviceTask>");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml);

        assertViolation(violations, "service-task-type", CUSTOM_LEVEL_REVIEW, lineOfElement(xml, TASK_FILE_WITH_LEVEL),
                TASK_FILE_WITH_LEVEL, "的类型是 “shell”", "has flowable:type=\"shell\": a TierFlow model may not send mail, call HTTP, run shell commands");
        assertThat(violations).extracting(BpmnContractViolation::rule).contains("delegate-missing");
    }

    @Test
    void refusesADelegateThatIsNotOneOfTierFlowsBeans() {
        String xml = replace(NOMINATION, "${tierflowRecordRejection}", "${acmeRecordRejection}");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_NOMINATION, xml);

        assertRules(violations, "delegate-missing", "unknown-delegate");
        assertViolation(violations, "unknown-delegate", CUSTOM_NOMINATION, lineOfElement(xml, TASK_RECORD_REJECTION),
                TASK_RECORD_REJECTION, "调用的 “${acmeRecordRejection}” 不是 TierFlow 的 bean",
                "calls '${acmeRecordRejection}', which is not one of TierFlow's beans");
        assertViolation(violations, "delegate-missing", CUSTOM_NOMINATION, lineOfProcess(xml), TASK_RECORD_REJECTION,
                "${tierflowRecordRejection}（原为 Task_recordRejection）：它记录推荐被驳回",
                "${tierflowRecordRejection} any more (Task_recordRejection in the shipped model): it records the rejection");
    }

    @Test
    void refusesABeanOfTheOtherProcess() {
        String xml = replace(NOMINATION, "${tierflowReturnToLowerLevel}", "${tierflowPrepareLevel}");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_NOMINATION, xml);

        assertRules(violations, "delegate-missing", "delegate-wrong-process");
        assertViolation(violations, "delegate-wrong-process", CUSTOM_NOMINATION, lineOfElement(xml, TASK_RETURN_TO_LOWER_LEVEL),
                TASK_RETURN_TO_LOWER_LEVEL, "属于流程 tierflowLevelReviewProcess，不能在 tierflowNominationProcess 中调用",
                "belongs to tierflowLevelReviewProcess and cannot run in tierflowNominationProcess");
    }

    @Test
    void refusesAnExecutionListenerWithAClass() {
        String xml = replace(NOMINATION, "<flowable:in source=\"nominationId\" target=\"nominationId\"/>",
                "<flowable:executionListener event=\"start\" class=\"com.acme.Spy\"/>\n"
                        + "        <flowable:in source=\"nominationId\" target=\"nominationId\"/>");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_NOMINATION, xml);

        assertRules(violations, "listener");
        assertViolation(violations, "listener", CUSTOM_NOMINATION, lineOf(xml, "<flowable:executionListener"), TASK_REVIEW_AT_LEVEL,
                "上的执行监听器使用了 class=\"com.acme.Spy\"", "the execution listener on Task_reviewAtLevel uses class=\"com.acme.Spy\"");
    }

    @Test
    void refusesATaskListenerWithAScript() {
        String xml = replace(LEVEL_REVIEW, REVIEW_TASK_TAG_END,
                "flowable:candidateUsers=\"${reviewCandidates}\"><extensionElements>\n"
                        + "        <flowable:taskListener event=\"create\" type=\"script\"><flowable:script language=\"groovy\">"
                        + "task.setAssignee('mallory')</flowable:script></flowable:taskListener>\n"
                        + "      </extensionElements></userTask>");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml);

        assertRules(violations, "listener");
        assertViolation(violations, "listener", CUSTOM_LEVEL_REVIEW, lineOf(xml, "<flowable:taskListener"), TASK_REVIEW_NOMINATION,
                "上的任务监听器使用了 a script", "the task listener on Task_reviewNomination uses a script");
    }

    @Test
    void refusesASkipExpression() {
        String xml = replace(LEVEL_REVIEW, REVIEW_TASK_TAG_END,
                "flowable:candidateUsers=\"${reviewCandidates}\" flowable:skipExpression=\"${true}\"/>");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml);

        assertRules(violations, "skip-expression");
        assertViolation(violations, "skip-expression", CUSTOM_LEVEL_REVIEW, lineOfElement(xml, TASK_REVIEW_NOMINATION),
                TASK_REVIEW_NOMINATION, "使用了 flowable:skipExpression", "uses flowable:skipExpression: a skip expression lets the process silently skip steps");
    }

    @Test
    void refusesAnArbitraryExpressionOutsideConditions() {
        String xml = replace(NOMINATION, "flowable:assignee=\"${applicantId}\"",
                "flowable:assignee=\"${applicantId}\" flowable:dueDate=\"${execution.setVariable('levelOutcome', 'PASS')}\"");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_NOMINATION, xml);

        assertRules(violations, "expression");
        assertViolation(violations, "expression", CUSTOM_NOMINATION, lineOfElement(xml, TASK_CORRECT_NOMINATION),
                TASK_CORRECT_NOMINATION, "的 dueDate 中含有表达式 “${execution.setVariable('levelOutcome', 'PASS')}”",
                "dueDate of Task_correctNomination holds the expression '${execution.setVariable('levelOutcome', 'PASS')}'");
    }

    // ------------------------------------------------------------------------------------------ contract elements

    @Test
    void refusesAModelWithoutTheReviewTask() {
        String xml = LEVEL_REVIEW.replace(TASK_REVIEW_NOMINATION, "Task_approveNomination");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml);

        assertRules(violations, "element-missing");
        assertViolation(violations, "element-missing", CUSTOM_LEVEL_REVIEW, lineOfProcess(xml), TASK_REVIEW_NOMINATION,
                "流程 tierflowLevelReviewProcess 中缺少用户任务 Task_reviewNomination：审核人作出决定时，TierFlow 完成这个任务",
                "the process tierflowLevelReviewProcess has no user task Task_reviewNomination: TierFlow completes it when an approver decides");
    }

    @Test
    void refusesTheReviewTaskTurnedIntoAServiceTask() {
        String xml = replace(replace(LEVEL_REVIEW, "<userTask id=\"Task_reviewNomination\"", "<serviceTask id=\"Task_reviewNomination\""),
                REVIEW_TASK_TAG_END, "flowable:delegateExpression=\"${tierflowPrepareLevel}\"/>");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml);

        assertRules(violations, "element-kind");
        assertViolation(violations, "element-kind", CUSTOM_LEVEL_REVIEW, lineOfElement(xml, TASK_REVIEW_NOMINATION),
                TASK_REVIEW_NOMINATION, "Task_reviewNomination 必须是用户任务：审核人作出决定时，TierFlow 完成这个任务",
                "Task_reviewNomination must stay a user task: TierFlow completes it when an approver decides");
    }

    @Test
    void refusesTheReviewTaskOfferedToSomeoneElse() {
        String xml = replace(LEVEL_REVIEW, REVIEW_TASK_TAG_END, "flowable:candidateGroups=\"reviewers\"/>");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml);

        assertRules(violations, "review-candidates");
        assertViolation(violations, "review-candidates", CUSTOM_LEVEL_REVIEW, lineOfElement(xml, TASK_REVIEW_NOMINATION),
                TASK_REVIEW_NOMINATION, "的候选人必须是 ${reviewCandidates}", "must be offered to the candidate users ${reviewCandidates}");
    }

    @Test
    void refusesTheCorrectionTaskAssignedToSomeoneElse() {
        String xml = replace(NOMINATION, "flowable:assignee=\"${applicantId}\"", "flowable:assignee=\"admin\"");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_NOMINATION, xml);

        assertRules(violations, "correction-assignee");
        assertViolation(violations, "correction-assignee", CUSTOM_NOMINATION, lineOfElement(xml, TASK_CORRECT_NOMINATION),
                TASK_CORRECT_NOMINATION, "Task_correctNomination 的办理人必须是 ${applicantId}（当前为 “admin”）",
                "Task_correctNomination must be assigned to ${applicantId} (found 'admin')");
    }

    @Test
    void refusesACallActivityThatDoesNotPassTheOutcomeOut() {
        String xml = replace(NOMINATION, "        <flowable:out source=\"levelOutcome\" target=\"levelOutcome\"/>\n", "");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_NOMINATION, xml);

        assertRules(violations, "call-activity-out");
        assertViolation(violations, "call-activity-out", CUSTOM_NOMINATION, lineOfElement(xml, TASK_REVIEW_AT_LEVEL),
                TASK_REVIEW_AT_LEVEL, "没有传出 levelOutcome", "does not pass levelOutcome out");
    }

    @Test
    void refusesACallActivityThatDoesNotPassTheStepIn() {
        String xml = replace(NOMINATION, "        <flowable:in source=\"stepIndex\" target=\"stepIndex\"/>\n", "");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_NOMINATION, xml);

        assertRules(violations, "call-activity-in");
        assertViolation(violations, "call-activity-in", CUSTOM_NOMINATION, lineOfElement(xml, TASK_REVIEW_AT_LEVEL),
                TASK_REVIEW_AT_LEVEL, "缺少输入参数 stepIndex", "does not pass in stepIndex");
    }

    @Test
    void refusesARenamedProcessId() {
        String xml = replace(LEVEL_REVIEW, "<process id=\"tierflowLevelReviewProcess\"", "<process id=\"acmeLevelReviewProcess\"");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml);

        assertRules(violations, "process-unknown");
        assertViolation(violations, "process-unknown", CUSTOM_LEVEL_REVIEW, lineOfProcess(xml), "acmeLevelReviewProcess",
                "流程 id “acmeLevelReviewProcess” 不属于 TierFlow 的流程约定", "the process id 'acmeLevelReviewProcess' is not part of TierFlow's contract");
    }

    // ------------------------------------------------------------------------------------------ conditions and gateways

    @Test
    void refusesAConditionWithAnArbitraryExpression() {
        String xml = replace(NOMINATION, "${levelOutcome == 'REJECT'}",
                "${execution.getEngineServices().getRuntimeService().deleteProcessInstance(execution.processInstanceId, 'gone') == null}");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_NOMINATION, xml);

        assertRules(violations, "gateway-coverage", "condition-expression");
        assertViolation(violations, "condition-expression", CUSTOM_NOMINATION, lineOfElement(xml, "Flow_levelRejected"),
                "Flow_levelRejected", "不是允许的形式：条件只能是 ${变量 == '值'}、${变量 != '值'}、${变量} 或 ${!变量}",
                "is not one of the allowed forms ${name == 'VALUE'}, ${name != 'VALUE'}, ${name} or ${!name}");
        assertViolation(violations, "gateway-coverage", CUSTOM_NOMINATION, lineOfElement(xml, GATEWAY_LEVEL_OUTCOME),
                GATEWAY_LEVEL_OUTCOME, "缺少条件为 ${levelOutcome == 'REJECT'} 的顺序流", "has no flow for ${levelOutcome == 'REJECT'}");
    }

    @Test
    void refusesAConditionOnAVariableOutsideTheContract() {
        String xml = replace(NOMINATION, "<![CDATA[${chainComplete}]]>", "<![CDATA[${approved}]]>");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_NOMINATION, xml);

        assertRules(violations, "gateway-coverage", "condition-variable");
        assertViolation(violations, "condition-variable", CUSTOM_NOMINATION, lineOfElement(xml, "Flow_chainComplete"),
                "Flow_chainComplete", "读取的 “approved” 不是约定变量", "reads 'approved', which is not a contract variable");
        assertViolation(violations, "gateway-coverage", CUSTOM_NOMINATION, lineOfElement(xml, GATEWAY_CHAIN_COMPLETE),
                GATEWAY_CHAIN_COMPLETE, "缺少条件为 ${chainComplete} 的顺序流", "has no flow for ${chainComplete}");
    }

    @Test
    void refusesAGatewayMissingAnOutcome() {
        String xml = replace(NOMINATION, """
                    <sequenceFlow id="Flow_returnedToLowerLevel" name="退回下级 / Return to lower level" sourceRef="Gateway_levelOutcome" targetRef="Task_returnToLowerLevel">
                      <conditionExpression xsi:type="tFormalExpression"><![CDATA[${levelOutcome == 'RETURN_TO_LOWER_LEVEL'}]]></conditionExpression>
                    </sequenceFlow>
                """, "");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_NOMINATION, xml);

        assertRules(violations, "gateway-coverage");
        assertViolation(violations, "gateway-coverage", CUSTOM_NOMINATION, lineOfElement(xml, GATEWAY_LEVEL_OUTCOME),
                GATEWAY_LEVEL_OUTCOME, "Gateway_levelOutcome 根据 levelOutcome 决定去向，但缺少条件为 ${levelOutcome == 'RETURN_TO_LOWER_LEVEL'} 的顺序流",
                "Gateway_levelOutcome decides on levelOutcome but has no flow for ${levelOutcome == 'RETURN_TO_LOWER_LEVEL'}");
    }

    @Test
    void refusesAGatewayMissingAMode() {
        String xml = replace(LEVEL_REVIEW, "${levelMode == 'AUTO'}", "${levelMode == 'DECIDE'}");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml);

        assertRules(violations, "gateway-coverage");
        assertViolation(violations, "gateway-coverage", CUSTOM_LEVEL_REVIEW, lineOfElement(xml, GATEWAY_LEVEL_MODE),
                GATEWAY_LEVEL_MODE, "缺少条件为 ${levelMode == 'AUTO'} 的顺序流", "has no flow for ${levelMode == 'AUTO'}");
    }

    // ------------------------------------------------------------------------------------------ expert panels

    @Test
    void refusesACompletionConditionOtherThanTheQuorumBean() {
        String xml = replace(LEVEL_REVIEW, "${tierflowPanelQuorum.reached(execution)}", "${nrOfCompletedInstances >= 2}");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml);

        assertRules(violations, "completion-condition");
        assertViolation(violations, "completion-condition", CUSTOM_LEVEL_REVIEW, lineOfElement(xml, TASK_SCORE_NOMINATION),
                TASK_SCORE_NOMINATION, "的完成条件必须是 ${tierflowPanelQuorum.reached(execution)}（当前为 “${nrOfCompletedInstances >= 2}”）",
                "the completion condition of Task_scoreNomination must be ${tierflowPanelQuorum.reached(execution)}"
                        + " (found '${nrOfCompletedInstances >= 2}')");
    }

    @Test
    void refusesAQuorumBeanCalledWithAnythingButTheExecution() {
        String xml = replace(LEVEL_REVIEW, "${tierflowPanelQuorum.reached(execution)}",
                "${tierflowPanelQuorum.reached(execution) || runtimeService.deleteProcessInstance(nominationId, '')}");

        assertRules(BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml), "completion-condition");
    }

    @Test
    void refusesExpertsScoringOneAfterAnother() {
        String xml = replace(LEVEL_REVIEW, "isSequential=\"false\" flowable:collection", "isSequential=\"true\" flowable:collection");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml);

        assertRules(violations, "multi-instance-shape");
        assertViolation(violations, "multi-instance-shape", CUSTOM_LEVEL_REVIEW, lineOfElement(xml, TASK_SCORE_NOMINATION),
                TASK_SCORE_NOMINATION, "必须是并行多实例", "must be a parallel multi-instance");
    }

    @Test
    void refusesMultiInstanceAnywhereButTheScoringTask() {
        String xml = replace(LEVEL_REVIEW, REVIEW_TASK_TAG_END, "flowable:candidateUsers=\"${reviewCandidates}\">\n"
                + "      <multiInstanceLoopCharacteristics isSequential=\"false\" flowable:collection=\"${panelExperts}\""
                + " flowable:elementVariable=\"panelExpert\"/>\n    </userTask>");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml);

        assertRules(violations, "multi-instance");
        assertViolation(violations, "multi-instance", CUSTOM_LEVEL_REVIEW, lineOfElement(xml, TASK_REVIEW_NOMINATION),
                TASK_REVIEW_NOMINATION, "只有 tierflowLevelReviewProcess 的用户任务 Task_scoreNomination（专家评分）可以是多实例",
                "only the user task Task_scoreNomination (expert scoring) of tierflowLevelReviewProcess may be multi-instance");
    }

    @Test
    void refusesTheScoringTaskAssignedToSomeoneElse() {
        String xml = replace(LEVEL_REVIEW, "flowable:assignee=\"${panelExpert}\"", "flowable:assignee=\"${applicantId}\"");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml);

        assertRules(violations, "panel-assignee");
        assertViolation(violations, "panel-assignee", CUSTOM_LEVEL_REVIEW, lineOfElement(xml, TASK_SCORE_NOMINATION),
                TASK_SCORE_NOMINATION, "的办理人必须是 ${panelExpert}（当前为 “${applicantId}”）",
                "must be assigned to ${panelExpert} (found '${applicantId}')");
    }

    @Test
    void refusesAScoringTaskThatIsNotMultiInstance() {
        String xml = LEVEL_REVIEW.replaceAll("(?s)<multiInstanceLoopCharacteristics.*?</multiInstanceLoopCharacteristics>", "");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml);

        assertRules(violations, "panel-not-multi-instance");
    }

    @Test
    void refusesAModelWithoutThePanelBranch() {
        String xml = replace(LEVEL_REVIEW, "${levelMode == 'PANEL'}", "${levelMode == 'FILE'}");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml);

        assertRules(violations, "gateway-coverage");
        assertViolation(violations, "gateway-coverage", CUSTOM_LEVEL_REVIEW, lineOfElement(xml, GATEWAY_LEVEL_MODE),
                GATEWAY_LEVEL_MODE, "缺少条件为 ${levelMode == 'PANEL'} 的顺序流", "has no flow for ${levelMode == 'PANEL'}");
    }

    @Test
    void refusesAPanelGatewayMissingAnOutcome() {
        String xml = replace(LEVEL_REVIEW, "${panelOutcome == 'NOT_RECOMMENDED'}", "${panelOutcome == 'RECOMMENDED'}");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml);

        assertRules(violations, "gateway-coverage");
        assertViolation(violations, "gateway-coverage", CUSTOM_LEVEL_REVIEW, lineOfElement(xml, GATEWAY_PANEL_OUTCOME),
                GATEWAY_PANEL_OUTCOME, "缺少条件为 ${panelOutcome == 'NOT_RECOMMENDED'} 的顺序流",
                "has no flow for ${panelOutcome == 'NOT_RECOMMENDED'}");
    }

    @Test
    void refusesAnUnknownOutcomeValue() {
        String xml = replace(NOMINATION, "${levelOutcome == 'PASS'}", "${levelOutcome == 'APPROVE'}");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_NOMINATION, xml);

        assertRules(violations, "gateway-coverage", "condition-value");
        assertViolation(violations, "condition-value", CUSTOM_NOMINATION, lineOfElement(xml, "Flow_levelPassed"),
                "Flow_levelPassed", "与 “APPROVE” 比较，但 levelOutcome 只会取以下值：PASS、REJECT",
                "compares levelOutcome with 'APPROVE', but levelOutcome only ever holds: PASS, REJECT");
    }

    @Test
    void refusesADefaultFlowOnTheOutcomeGateway() {
        String xml = replace(NOMINATION, "<exclusiveGateway id=\"Gateway_levelOutcome\"",
                "<exclusiveGateway id=\"Gateway_levelOutcome\" default=\"Flow_levelRejected\"");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_NOMINATION, xml);

        assertViolation(violations, "gateway-unguarded-flow", CUSTOM_NOMINATION, lineOfElement(xml, "Flow_levelRejected"),
                "Flow_levelRejected", "没有检验 levelOutcome（没有条件，或是默认流）",
                "leaves Gateway_levelOutcome without testing levelOutcome (no condition, or the default flow)");
    }

    // ------------------------------------------------------------------------------------------ XML

    @Test
    void refusesMalformedXmlWithItsLine() {
        String xml = replace(LEVEL_REVIEW, "<endEvent id=\"Event_levelFiled\"", "<endEvent id=\"Event_levelFiled\" id=\"Event_filedAgain\"");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml);

        assertRules(violations, "xml");
        assertViolation(violations, "xml", CUSTOM_LEVEL_REVIEW, lineOf(xml, "id=\"Event_filedAgain\""), BpmnContractValidator.XML_ERROR,
                "模型不是有效的 BPMN 2.0 XML：Attribute \"id\" was already specified for element \"endEvent\"。",
                "the model is not valid BPMN 2.0 XML: Attribute \"id\" was already specified for element \"endEvent\". Open it in your modeller");
    }

    @Test
    void refusesADoctypeSoNoExternalEntityIsRead() {
        String xml = replace(LEVEL_REVIEW, "<definitions ",
                "<!DOCTYPE definitions [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n<definitions ");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml);

        assertRules(violations, "xml");
        assertViolation(violations, "xml", CUSTOM_LEVEL_REVIEW, lineOf(xml, "<!DOCTYPE"), BpmnContractValidator.XML_ERROR,
                "DOCTYPE", "DOCTYPE is disallowed");
    }

    @Test
    void refusesAnElementTheSchemaDoesNotKnowWithItsLine() {
        String xml = replace(LEVEL_REVIEW, "<endEvent id=\"Event_levelFiled\"",
                "<approveEverything id=\"Task_approveEverything\"/>\n    <endEvent id=\"Event_levelFiled\"");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_LEVEL_REVIEW, xml);

        assertRules(violations, "xml");
        assertViolation(violations, "xml", CUSTOM_LEVEL_REVIEW, lineOf(xml, "<approveEverything"), BpmnContractValidator.XML_ERROR,
                "模型不是有效的 BPMN 2.0 XML：", "Invalid content was found starting with element 'approveEverything'");
    }

    // ------------------------------------------------------------------------------------------ several models

    @Test
    void reportsEveryViolationOfEveryModelTogether() {
        Map<String, String> models = new LinkedHashMap<>();
        models.put(CUSTOM_NOMINATION, replace(NOMINATION, "flowable:assignee=\"${applicantId}\"", "flowable:assignee=\"admin\""));
        models.put(CUSTOM_LEVEL_REVIEW, replace(LEVEL_REVIEW, "flowable:delegateExpression=\"${tierflowFileWithLevel}\"",
                "flowable:class=\"com.acme.FileWithLevel\""));

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(models);

        assertThat(violations).extracting(BpmnContractViolation::resource, BpmnContractViolation::rule).containsExactly(
                tuple(CUSTOM_NOMINATION, "correction-assignee"),
                tuple(CUSTOM_LEVEL_REVIEW, "delegate-missing"),
                tuple(CUSTOM_LEVEL_REVIEW, "service-task-class"));
        BpmnContractException exception = new BpmnContractException(violations);
        assertThat(exception.code()).isEqualTo("bpmn-contract");
        assertThat(exception.getMessage().lines().toList()).hasSize(4).element(1).asString().startsWith(
                CUSTOM_NOMINATION + ":" + lineOfElement(models.get(CUSTOM_NOMINATION), TASK_CORRECT_NOMINATION) + ":")
                .contains(" Task_correctNomination: Task_correctNomination 的办理人必须是 ${applicantId}")
                .contains(" / Task_correctNomination must be assigned to ${applicantId}");
        assertThat(exception.getMessage()).startsWith("BPMN 模型有 3 处违反 TierFlow 的流程约定")
                .contains("the BPMN models break TierFlow's BPMN contract in 3 places; nothing was deployed");
        assertThat(exception.text().en()).doesNotContain("办理人").contains("must be assigned to ${applicantId}");
        assertThat(exception.text().zh()).contains("办理人必须是 ${applicantId}");
    }

    @Test
    void refusesTwoModelsDefiningTheSameProcess() {
        Map<String, String> models = new LinkedHashMap<>(shippedModels());
        models.put(CUSTOM_LEVEL_REVIEW, harmlessLevelReviewEdit());

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(models);

        assertRules(violations, "process-duplicate");
        assertViolation(violations, "process-duplicate", CUSTOM_LEVEL_REVIEW, lineOfProcess(LEVEL_REVIEW), LEVEL_REVIEW_PROCESS,
                "流程 tierflowLevelReviewProcess 在 org/tierflow/bpmn/tierflowLevelReviewProcess.bpmn20.xml 和 " + CUSTOM_LEVEL_REVIEW + " 中都有定义",
                "is defined in both org/tierflow/bpmn/tierflowLevelReviewProcess.bpmn20.xml and " + CUSTOM_LEVEL_REVIEW);
    }

    @Test
    void refusesASetWithoutTheLevelReview() {
        List<BpmnContractViolation> violations = BpmnContractValidator.validate(Map.of(NOMINATION_PROCESS_RESOURCE, NOMINATION));

        assertRules(violations, "process-missing");
        assertThat(violations.get(0).elementId()).isEqualTo(LEVEL_REVIEW_PROCESS);
        assertThat(violations.get(0).message().en()).contains("no model defines the process tierflowLevelReviewProcess");
    }

    // ------------------------------------------------------------------------------------------ publicity

    @Test
    void shippedPublicityModelKeepsTheContractAndASetWithoutItIsStillComplete() {
        assertThat(BpmnContractValidator.validate(PUBLICITY_PROCESS_RESOURCE, PUBLICITY)).isEmpty();
        assertThat(BpmnContractValidator.validate(Map.of(NOMINATION_PROCESS_RESOURCE, NOMINATION,
                LEVEL_REVIEW_PROCESS_RESOURCE, LEVEL_REVIEW))).as("the publicity model is optional in a set").isEmpty();
    }

    @Test
    void refusesAPublicityTimerWithADurationOfItsOwn() {
        String xml = replace(PUBLICITY, "<timeDate>${publicityEndsAt}</timeDate>", "<timeDuration>P5D</timeDuration>");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_PUBLICITY, xml);

        assertRules(violations, "publicity-timer-due-date");
        assertViolation(violations, "publicity-timer-due-date", CUSTOM_PUBLICITY,
                lineOfElement(xml, EVENT_PUBLICITY_PERIOD_ENDED), EVENT_PUBLICITY_PERIOD_ENDED,
                "必须只以 timeDate ${publicityEndsAt} 为到期时间", "must be due exactly at timeDate ${publicityEndsAt}");
    }

    @Test
    void refusesAPublicityModelWithoutItsTimerOrItsBean() {
        String xml = replace(PUBLICITY, "<intermediateCatchEvent id=\"Event_publicityPeriodEnded\"",
                "<intermediateCatchEvent id=\"Event_waitSomeTime\"");
        xml = xml.replace("bpmnElement=\"Event_publicityPeriodEnded\"", "bpmnElement=\"Event_waitSomeTime\"")
                .replace("Event_publicityPeriodEnded\" targetRef", "Event_waitSomeTime\" targetRef")
                .replace("targetRef=\"Event_publicityPeriodEnded\"", "targetRef=\"Event_waitSomeTime\"")
                .replace("sourceRef=\"Event_publicityPeriodEnded\"", "sourceRef=\"Event_waitSomeTime\"")
                .replace("${tierflowClosePublicity}", "${tierflowPrepareLevel}");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(CUSTOM_PUBLICITY, xml);

        assertRules(violations, "publicity-timer-missing", "delegate-wrong-process", "delegate-missing");
        assertThat(violations).filteredOn(v -> v.rule().equals("publicity-timer-missing")).singleElement()
                .satisfies(v -> assertThat(v.message().en()).contains("no intermediate timer catch event Event_publicityPeriodEnded"));
    }

    @Test
    void readsTheProcessIdsOfAModel() {
        assertThat(BpmnContractValidator.processIds(LEVEL_REVIEW)).containsExactly(LEVEL_REVIEW_PROCESS);
        assertThat(BpmnContractValidator.processIds("<not xml")).isEmpty();
    }

    @Test
    void conditionsMayReadEveryVariableOfTheContractAndNoOther() throws IllegalAccessException {
        List<String> variables = new ArrayList<>();
        for (Field field : TierFlowBpmn.class.getFields()) {
            if (field.getName().startsWith("VAR_") && Modifier.isStatic(field.getModifiers())) {
                variables.add((String) field.get(null));
            }
        }
        assertThat(BpmnContractValidator.CONTRACT_VARIABLES).containsExactlyInAnyOrderElementsOf(variables);
    }

    // ------------------------------------------------------------------------------------------ the life cycle

    private static final String LIFECYCLE = read(LIFECYCLE_PROCESS_RESOURCE);
    private static final String TASK_BOOK = read(TASK_BOOK_PROCESS_RESOURCE);
    private static final String IMPLEMENTATION = read(IMPLEMENTATION_PROCESS_RESOURCE);
    private static final String ACCEPTANCE = read(ACCEPTANCE_PROCESS_RESOURCE);
    private static final String EVALUATION = read(EVALUATION_PROCESS_RESOURCE);
    private static final String PHASES = read(PHASE_PROCESS_RESOURCE);

    @Test
    void shippedLifecycleModelsKeepTheContract() {
        Map<String, String> models = new LinkedHashMap<>(shippedModels());
        models.put(LIFECYCLE_PROCESS_RESOURCE, LIFECYCLE);
        models.put(TASK_BOOK_PROCESS_RESOURCE, TASK_BOOK);
        models.put(IMPLEMENTATION_PROCESS_RESOURCE, IMPLEMENTATION);
        models.put(ACCEPTANCE_PROCESS_RESOURCE, ACCEPTANCE);
        models.put(EVALUATION_PROCESS_RESOURCE, EVALUATION);
        models.put(PHASE_PROCESS_RESOURCE, PHASES);

        assertThat(BpmnContractValidator.validate(models)).isEmpty();
    }

    @Test
    void aTimerMayOnlyWaitForADateTheDefinitionSets() {
        String xml = replace(IMPLEMENTATION, "<timeDate>${workingPeriodEndsAt}</timeDate>", "<timeCycle>R/PT1H</timeCycle>");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(IMPLEMENTATION_PROCESS_RESOURCE, xml);

        assertRules(violations, "timer-definition", "timer-missing");
        assertViolation(violations, "timer-definition", IMPLEMENTATION_PROCESS_RESOURCE,
                lineOfElement(xml, EVENT_WORKING_PERIOD_ENDED), EVENT_WORKING_PERIOD_ENDED,
                "定时事件 Event_workingPeriodEnded 使用了 timeCycle R/PT1H",
                "the timer event Event_workingPeriodEnded uses timeCycle R/PT1H: a timer of a TierFlow model may only"
                        + " wait for a date TierFlow sets from the program definition");
    }

    @Test
    void aTimerOnAFixedDateIsRefused() {
        String xml = replace(TASK_BOOK, "<timeDate>${taskBookReminderAt}</timeDate>", "<timeDate>2025-01-01T00:00:00Z</timeDate>");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(TASK_BOOK_PROCESS_RESOURCE, xml);

        assertRules(violations, "timer-definition", "timer-missing");
        assertThat(violations).filteredOn(v -> v.rule().equals("timer-missing")).singleElement()
                .satisfies(v -> assertThat(v.message().en()).contains("no timer event waiting for ${taskBookReminderAt}"));
    }

    @Test
    void theLifecycleMayCallOnlyItsPhases() {
        String xml = replace(LIFECYCLE, "calledElement=\"tierflowEvaluationProcess\"", "calledElement=\"acmeBonusProcess\"");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(LIFECYCLE_PROCESS_RESOURCE, xml);

        assertRules(violations, "call-activity-target", "phase-call-missing");
        assertViolation(violations, "call-activity-target", LIFECYCLE_PROCESS_RESOURCE, lineOfElement(xml, TASK_RUN_EVALUATION),
                TASK_RUN_EVALUATION, "只能调用培养周期各环节的流程", "may only call the processes of the life-cycle phases");
    }

    @Test
    void theAcceptanceCallMustHandItsConclusionBack() {
        String xml = replace(LIFECYCLE, "<flowable:out source=\"acceptancePassed\" target=\"acceptancePassed\"/>", "");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(LIFECYCLE_PROCESS_RESOURCE, xml);

        assertRules(violations, "call-activity-out");
        assertThat(violations.get(0).elementId()).isEqualTo(TASK_RUN_ACCEPTANCE);
        assertThat(violations.get(0).message().en()).contains("does not pass acceptancePassed out");
    }

    @Test
    void theCountersignMustBeOfferedToTheAuthority() {
        String xml = replace(TASK_BOOK, "flowable:candidateUsers=\"${countersignCandidates}\"", "flowable:assignee=\"${applicantId}\"");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(TASK_BOOK_PROCESS_RESOURCE, xml);

        assertRules(violations, "task-assignment");
        assertViolation(violations, "task-assignment", TASK_BOOK_PROCESS_RESOURCE, lineOfElement(xml, TASK_COUNTERSIGN_TASK_BOOK),
                TASK_COUNTERSIGN_TASK_BOOK, "必须设置 flowable:candidateUsers=\"${countersignCandidates}\"",
                "must have flowable:candidateUsers=\"${countersignCandidates}\"");
    }

    @Test
    void theLifecycleModelsAreDeployedTogether() {
        Map<String, String> models = new LinkedHashMap<>(shippedModels());
        models.put(LIFECYCLE_PROCESS_RESOURCE, LIFECYCLE);

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(models);

        assertRules(violations, "process-missing", "process-missing", "process-missing", "process-missing",
                "process-missing");
        assertThat(violations).extracting(BpmnContractViolation::elementId)
                .containsExactly(TASK_BOOK_PROCESS, IMPLEMENTATION_PROCESS, ACCEPTANCE_PROCESS, EVALUATION_PROCESS,
                        PHASE_PROCESS);
        assertThat(violations.get(0).message().en()).contains("are deployed together");
    }

    // ------------------------------------------------------------------------------------------ phases (program B)

    @Test
    void aPhaseDecisionIsDueWhenTheDefinitionSays() {
        String xml = replace(PHASES, " flowable:dueDate=\"${phaseDueAt}\"", " flowable:dueDate=\"P30D\"");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(PHASE_PROCESS_RESOURCE, xml);

        assertRules(violations, "phase-due-date");
        assertViolation(violations, "phase-due-date", PHASE_PROCESS_RESOURCE, lineOfElement(xml, TASK_DECIDE_PHASE),
                TASK_DECIDE_PHASE, "必须设置 flowable:dueDate=\"${phaseDueAt}\"（当前为 P30D）",
                "must have flowable:dueDate=\"${phaseDueAt}\" (found P30D): TierFlow computes the phase's due date");
    }

    @Test
    void aPhaseIsDecidedOnlyByThePeopleOfItsLevel() {
        String xml = replace(PHASES, "flowable:candidateUsers=\"${phaseCandidates}\"", "flowable:assignee=\"${applicantId}\"");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(PHASE_PROCESS_RESOURCE, xml);

        assertRules(violations, "task-assignment");
        assertViolation(violations, "task-assignment", PHASE_PROCESS_RESOURCE, lineOfElement(xml, TASK_DECIDE_PHASE),
                TASK_DECIDE_PHASE, "必须设置 flowable:candidateUsers=\"${phaseCandidates}\"",
                "must have flowable:candidateUsers=\"${phaseCandidates}\"");
    }

    @Test
    void thePhaseLoopNeedsItsGateways() {
        String xml = replace(PHASES, "<![CDATA[${phasesComplete}]]>", "<![CDATA[${phasePassed}]]>")
                .replace("<![CDATA[${!phasesComplete}]]>", "<![CDATA[${!phasePassed}]]>");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(PHASE_PROCESS_RESOURCE, xml);

        assertRules(violations, "gateway-missing");
        assertThat(violations.get(0).elementId()).isEqualTo(GATEWAY_PHASES_COMPLETE);
        assertThat(violations.get(0).message().en()).contains("no gateway deciding on phasesComplete");
    }

    @Test
    void thePhasesCallMustHandTheOutcomeBack() {
        String xml = replace(LIFECYCLE, "<flowable:out source=\"phasePassed\" target=\"phasePassed\"/>", "");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(LIFECYCLE_PROCESS_RESOURCE, xml);

        assertRules(violations, "call-activity-out");
        assertThat(violations.get(0).elementId()).isEqualTo(TASK_RUN_PHASES);
        assertThat(violations.get(0).message().en()).contains("does not pass phasePassed out");
    }

    @Test
    void theLifecycleMustOfferThePhases() {
        String xml = replace(LIFECYCLE, "calledElement=\"tierflowPhaseProcess\"", "calledElement=\"tierflowImplementationProcess\"");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(LIFECYCLE_PROCESS_RESOURCE, xml);

        assertThat(violations).extracting(BpmnContractViolation::rule).contains("phase-call-missing");
        assertThat(violations).filteredOn(v -> v.rule().equals("phase-call-missing"))
                .extracting(BpmnContractViolation::elementId).containsExactly(PHASE_PROCESS);
    }

    // ------------------------------------------------------------------------------------------ TierFlow.Builder

    @Test
    void builderTakesOnlyBpmn20XmlResources() {
        assertThatThrownBy(() -> TierFlow.builder().bpmnModel("acme/review.xml", LEVEL_REVIEW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("资源名必须以 .bpmn20.xml 结尾")
                .hasMessageContaining("must end with .bpmn20.xml: acme/review.xml");
        assertThatThrownBy(() -> TierFlow.builder().bpmnModel(CUSTOM_LEVEL_REVIEW, LEVEL_REVIEW).bpmnModel(CUSTOM_LEVEL_REVIEW, LEVEL_REVIEW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was already given");
    }

    // ------------------------------------------------------------------------------------------ on a real engine

    /** {@link TierFlow#start} on a real Flowable engine (in-memory H2) with a host's custom model. */
    @Nested
    class Deployment {

        @Test
        void startRefusesABrokenCustomModelAndDeploysNothing() {
            String broken = replace(LEVEL_REVIEW, "flowable:delegateExpression=\"${tierflowFileWithLevel}\"",
                    "flowable:class=\"com.acme.FileWithLevel\"");
            TierFlow tierFlow = tierFlow(CUSTOM_LEVEL_REVIEW, broken);

            try (EngineOnH2 h2 = new EngineOnH2(tierFlow)) {
                BpmnContractException refused = catchThrowableOfType(() -> tierFlow.start(h2.engine), BpmnContractException.class);

                assertThat(refused.violations()).extracting(BpmnContractViolation::resource).containsOnly(CUSTOM_LEVEL_REVIEW);
                assertThat(refused.violations()).extracting(BpmnContractViolation::rule)
                        .containsExactly("delegate-missing", "service-task-class");
                assertThat(refused.getMessage()).contains(CUSTOM_LEVEL_REVIEW + ":" + lineOfElement(broken, TASK_FILE_WITH_LEVEL) + ":");
                RepositoryService repository = h2.engine.getRepositoryService();
                assertThat(repository.createDeploymentQuery().count()).isZero();
                assertThat(repository.createProcessDefinitionQuery().count()).isZero();
                assertThat(tierFlow.isStarted()).isFalse();
            }
        }

        @Test
        void startDeploysAHarmlessCustomModelInsteadOfTheShippedOne() {
            TierFlow tierFlow = tierFlow(CUSTOM_LEVEL_REVIEW, harmlessLevelReviewEdit());

            try (EngineOnH2 h2 = new EngineOnH2(tierFlow)) {
                tierFlow.start(h2.engine);

                RepositoryService repository = h2.engine.getRepositoryService();
                assertThat(repository.createDeploymentQuery().count()).isEqualTo(1);
                assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(LEVEL_REVIEW_PROCESS)
                        .singleResult().getResourceName()).isEqualTo(CUSTOM_LEVEL_REVIEW);
                assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(NOMINATION_PROCESS)
                        .singleResult().getResourceName()).isEqualTo(NOMINATION_PROCESS_RESOURCE);
                assertThat(tierFlow.isStarted()).isTrue();
            }
        }

        private TierFlow tierFlow(String resourceName, String xml) {
            return TierFlow.builder()
                    .programs(ProgramCatalog.of(List.of()))
                    .organisations(InMemoryOrganisationDirectory.fromClasspath("organisations/review-test-tree.yaml"))
                    .approvers(query -> List.of())
                    .bpmnModel(resourceName, xml)
                    .build();
        }
    }

    /** A Flowable engine on a fresh in-memory H2, configured for TierFlow (as TierFlowTestEngine does) but not started. */
    private static final class EngineOnH2 implements AutoCloseable {

        final HikariDataSource dataSource;
        final ProcessEngine engine;

        EngineOnH2(TierFlow tierFlow) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl("jdbc:h2:mem:bpmn-contract-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            config.setUsername("sa");
            config.setPassword("");
            dataSource = new HikariDataSource(config);
            StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
            configuration.setDataSource(dataSource);
            configuration.setDatabaseSchemaUpdate("true");
            configuration.setAsyncExecutorActivate(false);
            configuration.setHistoryLevel(HistoryLevel.AUDIT);
            configuration.setDisableIdmEngine(true);
            configuration.setDisableEventRegistry(true);
            tierFlow.configure(configuration);
            engine = configuration.buildProcessEngine();
        }

        @Override
        public void close() {
            engine.close();
            dataSource.close();
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /**
     * Renamed display names, a moved shape and an extra user task (with its shape and edge) before the review:
     * what a designer may do.
     */
    private static String harmlessLevelReviewEdit() {
        String xml = replace(LEVEL_REVIEW, "name=\"审核推荐 / Review nomination\"", "name=\"专家审核推荐 / Experts review the nomination\"");
        xml = replace(xml, "name=\"向本级备案 / File with the level\"", "name=\"在本级登记 / Register with the level\"");
        xml = replace(xml,
                "<sequenceFlow id=\"Flow_levelDecides\" name=\"作出决定 / Decide\" sourceRef=\"Gateway_levelMode\" targetRef=\"Task_reviewNomination\">",
                "<userTask id=\"Task_checkDocuments\" name=\"核对材料 / Check the documents\" flowable:candidateUsers=\"${reviewCandidates}\"/>\n"
                        + "    <sequenceFlow id=\"Flow_documentsChecked\" sourceRef=\"Task_checkDocuments\" targetRef=\"Task_reviewNomination\"/>\n"
                        + "    <sequenceFlow id=\"Flow_levelDecides\" name=\"作出决定 / Decide\" sourceRef=\"Gateway_levelMode\" targetRef=\"Task_checkDocuments\">");
        xml = replace(xml, "<omgdc:Bounds x=\"570\" y=\"160\" width=\"150\" height=\"80\"/>",
                "<omgdc:Bounds x=\"740\" y=\"160\" width=\"150\" height=\"80\"/>");
        xml = replace(xml, "    </bpmndi:BPMNPlane>", """
                      <bpmndi:BPMNShape id="Task_checkDocuments_di" bpmnElement="Task_checkDocuments">
                        <omgdc:Bounds x="540" y="160" width="150" height="80"/>
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNEdge id="Flow_documentsChecked_di" bpmnElement="Flow_documentsChecked">
                        <omgdi:waypoint x="690" y="200"/>
                        <omgdi:waypoint x="740" y="200"/>
                      </bpmndi:BPMNEdge>
                    </bpmndi:BPMNPlane>""");
        return xml;
    }

    private static Map<String, String> shippedModels() {
        Map<String, String> models = new LinkedHashMap<>();
        models.put(NOMINATION_PROCESS_RESOURCE, NOMINATION);
        models.put(LEVEL_REVIEW_PROCESS_RESOURCE, LEVEL_REVIEW);
        models.put(PUBLICITY_PROCESS_RESOURCE, PUBLICITY);
        return models;
    }

    private static void assertRules(List<BpmnContractViolation> violations, String... rules) {
        assertThat(violations).as("violations").extracting(BpmnContractViolation::rule).containsExactlyInAnyOrder(rules);
    }

    private static void assertViolation(List<BpmnContractViolation> violations, String rule, String resource, int line,
                                        String elementId, String zhFragment, String enFragment) {
        List<BpmnContractViolation> ofRule = violations.stream().filter(v -> v.rule().equals(rule)).toList();
        assertThat(ofRule).as("violations of rule %s among %s", rule, violations).hasSize(1);
        BpmnContractViolation violation = ofRule.get(0);
        assertThat(violation.resource()).as("resource of %s", violation).isEqualTo(resource);
        assertThat(violation.line()).as("line of %s", violation).isEqualTo(line);
        assertThat(violation.column()).as("column of %s", violation).isPositive();
        assertThat(violation.elementId()).as("element of %s", violation).isEqualTo(elementId);
        assertThat(violation.message().zh()).as("Chinese message").contains(zhFragment);
        assertThat(violation.message().en()).as("English message").contains(enFragment);
    }

    /** Replaces the one occurrence of {@code target}; fails when the shipped model no longer contains it once. */
    private static String replace(String xml, String target, String replacement) {
        int first = xml.indexOf(target);
        assertThat(first).as("%s occurs in the model", target).isNotNegative();
        assertThat(xml.indexOf(target, first + 1)).as("%s occurs once in the model", target).isNegative();
        return xml.replace(target, replacement);
    }

    /** 1-based line of the one occurrence of {@code fragment}. */
    private static int lineOf(String xml, String fragment) {
        int at = xml.indexOf(fragment);
        assertThat(at).as("%s occurs in the model", fragment).isNotNegative();
        assertThat(xml.indexOf(fragment, at + 1)).as("%s occurs once in the model", fragment).isNegative();
        return lineAt(xml, at);
    }

    /** 1-based line where the start tag of the element with this id ends, which is where a parser places the element. */
    private static int lineOfElement(String xml, String id) {
        int at = xml.indexOf("id=\"" + id + "\"");
        assertThat(at).as("element %s occurs in the model", id).isNotNegative();
        return lineAt(xml, xml.indexOf('>', at));
    }

    private static int lineOfProcess(String xml) {
        return lineAt(xml, xml.indexOf('>', xml.indexOf("<process ")));
    }

    private static int lineAt(String xml, int offset) {
        return (int) xml.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String read(String resource) {
        try (InputStream in = TierFlowBpmn.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
