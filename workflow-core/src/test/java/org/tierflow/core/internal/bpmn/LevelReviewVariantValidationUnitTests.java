package org.tierflow.core.internal.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tierflow.bpmn.TierFlowBpmn.*;
import static org.tierflow.core.bpmn.LevelReviewVariantModels.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.BpmnContractViolation;

/**
 * An organisation's own level review (a variant under a key of its own) is held to every rule of the shipped
 * level review, and the set of models must make the variants reachable.
 */
class LevelReviewVariantValidationUnitTests {

    private static final String NOMINATION = read(NOMINATION_PROCESS_RESOURCE);

    @Test
    void aVariantWithAnInterviewBeforeTheDecisionKeepsTheContract() {
        assertThat(BpmnContractValidator.validate(models(interviewVariant()), Set.of(INTERVIEW_PROCESS))).isEmpty();
    }

    @Test
    void aVariantNoUnitUsesIsAnUnknownProcess() {
        List<BpmnContractViolation> violations = BpmnContractValidator.validate(models(interviewVariant()), Set.of());

        assertThat(violations).extracting(BpmnContractViolation::rule).containsExactly("process-unknown");
        assertThat(violations.get(0).elementId()).isEqualTo(INTERVIEW_PROCESS);
        assertThat(violations.get(0).message().en()).contains("register the process as an organisation unit's own level review");
    }

    @Test
    void aVariantWithoutTheReviewTaskIsRefusedNamingTheTaskAndTheVariant() {
        String broken = replaceOnce(interviewVariant(), "<userTask id=\"Task_reviewNomination\"", "<manualTask id=\"Task_reviewNomination\"");
        broken = replaceOnce(broken, "flowable:candidateUsers=\"${reviewCandidates}\"/>\n\n", "/>\n\n");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(models(broken), Set.of(INTERVIEW_PROCESS));

        assertThat(violations).extracting(BpmnContractViolation::rule).containsExactly("element-kind");
        BpmnContractViolation violation = violations.get(0);
        assertThat(violation.resource()).isEqualTo(INTERVIEW_RESOURCE);
        assertThat(violation.elementId()).isEqualTo(TASK_REVIEW_NOMINATION);
        assertThat(violation.line()).isPositive();
        assertThat(violation.message().en()).contains("Task_reviewNomination must stay a user task");
        assertThat(violation.message().zh()).contains("Task_reviewNomination 必须是用户任务");
    }

    @Test
    void aVariantThatNoLongerPreparesTheLevelIsRefused() {
        String broken = replaceOnce(interviewVariant(), "flowable:delegateExpression=\"${tierflowPrepareLevel}\"",
                "flowable:delegateExpression=\"${tierflowFileWithLevel}\"");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(models(broken), Set.of(INTERVIEW_PROCESS));

        assertThat(violations).extracting(BpmnContractViolation::rule).containsExactly("delegate-missing");
        assertThat(violations.get(0).elementId()).isEqualTo(TASK_PREPARE_LEVEL);
        assertThat(violations.get(0).message().en()).contains("no service task of " + INTERVIEW_PROCESS + " calls ${tierflowPrepareLevel}");
    }

    @Test
    void aVariantNoModelDefinesIsNamed() {
        List<BpmnContractViolation> violations = BpmnContractValidator.validate(shipped(), Set.of("acmeLevelReviewProcess"));

        assertThat(violations).extracting(BpmnContractViolation::rule).containsExactly("level-review-variant-missing");
        assertThat(violations.get(0).elementId()).isEqualTo("acmeLevelReviewProcess");
        assertThat(violations.get(0).resource()).isEqualTo(BpmnContractValidator.LEVEL_REVIEW_VARIANTS);
        assertThat(violations.get(0).message().en()).contains("uses the level-review process acmeLevelReviewProcess, but no model defines it");
        assertThat(violations.get(0).message().zh()).contains("没有任何模型定义它");
    }

    @Test
    void aNominationCallingTheShippedReviewByNameStillPassesWithoutVariants() {
        String fixed = replaceOnce(NOMINATION, "calledElement=\"${levelReviewProcess}\"", "calledElement=\"tierflowLevelReviewProcess\"");

        assertThat(BpmnContractValidator.validate("acme/tierflowNominationProcess.bpmn20.xml", fixed)).isEmpty();
    }

    @Test
    void aNominationCallingTheShippedReviewByNameIsRefusedWhenUnitsUseVariants() {
        String fixed = replaceOnce(NOMINATION, "calledElement=\"${levelReviewProcess}\"", "calledElement=\"tierflowLevelReviewProcess\"");
        Map<String, String> models = new LinkedHashMap<>();
        models.put("acme/tierflowNominationProcess.bpmn20.xml", fixed);
        models.put(LEVEL_REVIEW_PROCESS_RESOURCE, shippedLevelReview());
        models.put(INTERVIEW_RESOURCE, interviewVariant());

        List<BpmnContractViolation> violations = BpmnContractValidator.validate(models, Set.of(INTERVIEW_PROCESS));

        assertThat(violations).extracting(BpmnContractViolation::rule).containsExactly("level-review-call-fixed");
        assertThat(violations.get(0).elementId()).isEqualTo(TASK_REVIEW_AT_LEVEL);
        assertThat(violations.get(0).message().en()).contains("calls tierflowLevelReviewProcess by name",
                INTERVIEW_PROCESS, "set calledElement=\"${levelReviewProcess}\"");
    }

    @Test
    void aCallActivityCallingAnythingElseIsRefused() {
        String other = replaceOnce(NOMINATION, "calledElement=\"${levelReviewProcess}\"", "calledElement=\"${applicantId}\"");

        List<BpmnContractViolation> violations = BpmnContractValidator.validate("acme/tierflowNominationProcess.bpmn20.xml", other);

        assertThat(violations).extracting(BpmnContractViolation::rule).contains("call-activity-target", "level-review-call-missing");
    }

    @Test
    void theBuilderRefusesASecondProcessForAUnitAndTheNominationAsALevelReview() {
        assertThatThrownBy(() -> TierFlow.builder().levelReviewProcess("jinfeng", INTERVIEW_PROCESS)
                .levelReviewProcess("jinfeng", "otherLevelReviewProcess"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unit jinfeng already has the level-review process " + INTERVIEW_PROCESS);
        assertThatThrownBy(() -> TierFlow.builder().levelReviewProcess("jinfeng", NOMINATION_PROCESS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be a level-review process");
    }

    private static Map<String, String> shipped() {
        Map<String, String> models = new LinkedHashMap<>();
        models.put(NOMINATION_PROCESS_RESOURCE, NOMINATION);
        models.put(LEVEL_REVIEW_PROCESS_RESOURCE, shippedLevelReview());
        return models;
    }

    private static Map<String, String> models(String variant) {
        Map<String, String> models = shipped();
        models.put(INTERVIEW_RESOURCE, variant);
        return models;
    }

    private static String read(String resource) {
        try (InputStream in = LevelReviewVariantValidationUnitTests.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
