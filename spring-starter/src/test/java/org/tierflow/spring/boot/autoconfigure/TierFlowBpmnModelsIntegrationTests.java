package org.tierflow.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.BpmnContractException;
import org.tierflow.core.api.BpmnContractViolation;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.ReviewTask;
import org.tierflow.core.spi.ApproverDirectory;

/** {@code tierflow.bpmn.*}: a district's own level review from a model file, and the errors a host can make. */
class TierFlowBpmnModelsIntegrationTests {

    private static final String VARIANT = "jinfengLevelReviewProcess";

    private final ApplicationContextRunner contextRunner = Ningxia.engineContextRunner()
            .withPropertyValues(Ningxia.PROPERTIES)
            .withBean(ApproverDirectory.class, Ningxia::approvers);

    @Test
    void aDistrictRunsItsOwnLevelReviewFromAModelFile(@TempDir Path models) throws IOException {
        Path model = writeVariant(models);

        contextRunner.withPropertyValues("tierflow.bpmn.models=file:" + model.getParent() + "/*.bpmn20.xml",
                        "tierflow.bpmn.level-review-processes[" + Ningxia.DISTRICT + "]=" + VARIANT,
                        "tierflow.bpmn.level-review-processes[" + Ningxia.SCHOOL + "]=" + TierFlowBpmn.LEVEL_REVIEW_PROCESS)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    TierFlowBpmnProperties properties = context.getBean(TierFlowBpmnProperties.class);
                    assertThat(properties.getLevelReviewProcesses()).containsEntry(Ningxia.DISTRICT, VARIANT);
                    TierFlow tierFlow = context.getBean(TierFlow.class);
                    ProcessEngine engine = context.getBean(ProcessEngine.class);
                    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(VARIANT)
                            .singleResult().getResourceName()).isEqualTo(VARIANT + ".bpmn20.xml");

                    Nomination nomination = tierFlow.nominations().submit(Ningxia.submission());
                    assertThat(processKeyOf(engine, Ningxia.reviewOf(tierFlow.reviews(), nomination.id(), Ningxia.PRINCIPAL)))
                            .isEqualTo(TierFlowBpmn.LEVEL_REVIEW_PROCESS);
                    Ningxia.pass(tierFlow.reviews(), nomination, Ningxia.PRINCIPAL);
                    ReviewTask district = Ningxia.reviewOf(tierFlow.reviews(), nomination.id(), Ningxia.DISTRICT_REVIEWER);
                    assertThat(processKeyOf(engine, district)).isEqualTo(VARIANT);
                    Ningxia.pass(tierFlow.reviews(), nomination, Ningxia.DISTRICT_REVIEWER);
                    assertThat(processKeyOf(engine, Ningxia.reviewOf(tierFlow.reviews(), nomination.id(), Ningxia.CITY_REVIEWER)))
                            .isEqualTo(TierFlowBpmn.LEVEL_REVIEW_PROCESS);
                });
    }

    @Test
    void aUnitWhoseProcessNoModelDefinesStopsTheStart() {
        contextRunner.withPropertyValues("tierflow.bpmn.level-review-processes[" + Ningxia.DISTRICT + "]=" + VARIANT)
                .run(context -> {
                    assertThat(context).hasFailed();
                    BpmnContractException refused = findCause(context.getStartupFailure(), BpmnContractException.class);
                    assertThat(refused.violations()).extracting(BpmnContractViolation::rule)
                            .containsExactly("level-review-variant-missing");
                    assertThat(refused.getMessage()).contains(VARIANT, "no model defines it");
                });
    }

    @Test
    void aModelLocationThatMatchesNothingStopsTheStartNamingTheProperty() {
        contextRunner.withPropertyValues("tierflow.bpmn.models=classpath:nowhere/jinfeng.bpmn20.xml").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("tierflow.bpmn.models entry 'classpath:nowhere/jinfeng.bpmn20.xml' matches no model file");
        });
    }

    @Test
    void aModelFileWithTheWrongSuffixStopsTheStartNamingTheProperty(@TempDir Path models) throws IOException {
        Path model = Files.writeString(models.resolve("jinfeng.xml"), "<definitions/>");

        contextRunner.withPropertyValues("tierflow.bpmn.models=file:" + model).run(context -> {
            assertThat(context).hasFailed();
            assertThat(findCause(context.getStartupFailure(), IllegalStateException.class))
                    .hasMessageStartingWith("tierflow.bpmn.models: ")
                    .hasMessageContaining("must end with .bpmn20.xml: jinfeng.xml");
        });
    }

    /** The shipped level review under a key of its own: the smallest variant that keeps the contract. */
    private static Path writeVariant(Path folder) throws IOException {
        String shipped;
        try (InputStream in = TierFlowBpmn.class.getClassLoader().getResourceAsStream(TierFlowBpmn.LEVEL_REVIEW_PROCESS_RESOURCE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String variant = shipped.replace("id=\"" + TierFlowBpmn.LEVEL_REVIEW_PROCESS + "\"", "id=\"" + VARIANT + "\"")
                .replace("bpmnElement=\"" + TierFlowBpmn.LEVEL_REVIEW_PROCESS + "\"", "bpmnElement=\"" + VARIANT + "\"");
        return Files.writeString(folder.resolve(VARIANT + ".bpmn20.xml"), variant);
    }

    private static String processKeyOf(ProcessEngine engine, ReviewTask review) {
        String definitionId = engine.getTaskService().createTaskQuery().taskId(review.taskId()).singleResult()
                .getProcessDefinitionId();
        return engine.getRepositoryService().getProcessDefinition(definitionId).getKey();
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
    }
}
