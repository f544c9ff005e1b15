package org.tierflow.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.flowable.engine.ProcessEngine;
import org.flowable.engine.TaskService;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.DecisionVetoedException;
import org.tierflow.core.api.EligibilityFailure;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NotEligibleException;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.ReviewPolicies;
import org.tierflow.core.api.ReviewPolicies.EmptyApproverPolicy;
import org.tierflow.core.api.ReviewPolicies.SelfApprovalPolicy;
import org.tierflow.core.api.ReviewService;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.spi.ApproverDirectory;
import org.tierflow.core.spi.DecisionContext;
import org.tierflow.core.spi.DecisionHandler;
import org.tierflow.core.spi.EligibilityCheck;
import org.tierflow.core.spi.NominationEvent;
import org.tierflow.core.spi.NominationEventType;
import org.tierflow.core.spi.NominationListener;
import org.tierflow.core.spi.Notification;
import org.tierflow.core.spi.NotificationKind;
import org.tierflow.core.spi.Notifier;
import org.tierflow.core.spi.OrganisationDirectory;
import org.tierflow.core.support.InMemoryApproverDirectory;
import org.tierflow.core.support.InMemoryOrganisationDirectory;
import org.tierflow.spring.boot.OrganisationDecisionHandler;
import org.tierflow.spring.boot.TierFlowNominationEvent;

class TierFlowEngineAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = Ningxia.engineContextRunner().withPropertyValues(Ningxia.PROPERTIES);

    @Test
    void backsOffWithoutAnApproverDirectoryAndLeavesFlowableAlone() {
        contextRunner.run(context -> {
            assertThat(context).hasNotFailed()
                    .hasSingleBean(ProcessEngine.class)
                    .hasSingleBean(ProgramCatalog.class)
                    .doesNotHaveBean(TierFlow.class)
                    .doesNotHaveBean(TierFlowStarter.class)
                    .doesNotHaveBean("tierFlowEngineConfigurer");
            assertThat(context.getBean(ProcessEngine.class).getRepositoryService().createDeploymentQuery()
                    .deploymentName("TierFlow").count()).isZero();
        });
    }

    @Test
    void backsOffWithoutAnOrganisationDirectory() {
        Ningxia.engineContextRunner()
                .withPropertyValues("tierflow.programs.locations=classpath*:org/tierflow/programs/*.yaml")
                .withBean(ApproverDirectory.class, Ningxia::approvers)
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(OrganisationDirectory.class)
                        .doesNotHaveBean(TierFlow.class));
    }

    @Test
    void startsTierFlowOnFlowablesEngineWithTheHostsBeans() {
        contextRunner.withBean(ApproverDirectory.class, Ningxia::approvers).run(context -> {
            assertThat(context).hasSingleBean(TierFlow.class)
                    .hasBean("tierFlowEngineConfigurer")
                    .hasSingleBean(SpringProcessEngineConfiguration.class);
            TierFlow tierFlow = context.getBean(TierFlow.class);
            assertThat(tierFlow.isStarted()).isTrue();
            assertThat(tierFlow.programs()).isSameAs(context.getBean(ProgramCatalog.class));
            assertThat(context.getBean(NominationService.class)).isSameAs(tierFlow.nominations());
            assertThat(context.getBean(ReviewService.class)).isSameAs(tierFlow.reviews());
            assertThat(context.getBean(ProcessEngine.class).getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(TierFlowBpmn.NOMINATION_PROCESS).count()).isEqualTo(1);

            Nomination nomination = tierFlow.nominations().submit(Ningxia.submission());
            assertThat(nomination.state()).isEqualTo(NominationState.IN_REVIEW);
            assertThat(Ningxia.reviewOf(tierFlow.reviews(), nomination.id(), Ningxia.PRINCIPAL).unitId())
                    .isEqualTo(Ningxia.SCHOOL);
        });
    }

    @Test
    void tierFlowsProcessesWriteTheHistoryTierflowBpmnHistorySays() {
        contextRunner.withBean(ApproverDirectory.class, Ningxia::approvers).run(context -> assertThat(
                historicVariablesOfANewNomination(context)).as("default: task level, no variables").isZero());
        contextRunner.withBean(ApproverDirectory.class, Ningxia::approvers)
                .withPropertyValues("tierflow.bpmn.history=engine")
                .run(context -> assertThat(historicVariablesOfANewNomination(context))
                        .as("the engine's audit level").isPositive());
        contextRunner.withBean(ApproverDirectory.class, Ningxia::approvers)
                .withPropertyValues("tierflow.bpmn.history=sometimes")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("sometimes"));
    }

    private static long historicVariablesOfANewNomination(org.springframework.context.ApplicationContext context) {
        Nomination nomination = context.getBean(TierFlow.class).nominations().submit(Ningxia.submission());
        org.flowable.engine.HistoryService history = context.getBean(ProcessEngine.class).getHistoryService();
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(nomination.id()).list().stream()
                .mapToLong(process -> history.createHistoricVariableInstanceQuery().processInstanceId(process.getId()).count())
                .sum();
    }

    @Test
    void backsOffEntirelyWhenTheHostDeclaresItsOwnTierFlow() {
        contextRunner.withBean(ApproverDirectory.class, Ningxia::approvers)
                .withBean("hostTierFlow", TierFlow.class, () -> TierFlow.builder()
                        .programs(ProgramCatalog.of(List.of()))
                        .organisations(InMemoryOrganisationDirectory.of(List.of()))
                        .approvers(InMemoryApproverDirectory.builder().build())
                        .build())
                .run(context -> {
                    assertThat(context).hasSingleBean(TierFlow.class).hasBean("hostTierFlow")
                            .doesNotHaveBean("tierFlowEngineConfigurer")
                            .doesNotHaveBean(TierFlowStarter.class);
                    assertThat(context.getBean(TierFlow.class).isStarted()).as("the host starts its own").isFalse();
                    assertThat(context.getBean(ProcessEngine.class).getRepositoryService().createDeploymentQuery()
                            .deploymentName("TierFlow").count()).isZero();
                });
    }

    @Test
    void publicityServiceIsABeanAndTheCalendarComesFromPropertiesUnlessTheHostDeclaresOne() {
        contextRunner.withBean(ApproverDirectory.class, Ningxia::approvers)
                .withPropertyValues("tierflow.publicity.holidays=2026-10-01", "tierflow.publicity.period=3d")
                .run(context -> {
                    assertThat(context.getBean(org.tierflow.core.api.PublicityService.class))
                            .isSameAs(context.getBean(TierFlow.class).publicity());
                    assertThat(context.getBean(org.tierflow.core.api.AssessmentService.class))
                            .isSameAs(context.getBean(TierFlow.class).assessments());
                    org.tierflow.core.spi.WorkingDayCalendar calendar =
                            context.getBean(org.tierflow.core.spi.WorkingDayCalendar.class);
                    assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2026, 10, 1))).isFalse();
                    assertThat(calendar.zone()).isEqualTo(java.time.ZoneId.of("Asia/Shanghai"));
                });
        org.tierflow.core.spi.WorkingDayCalendar everyDay = new org.tierflow.core.spi.WorkingDayCalendar() {
            @Override
            public java.time.ZoneId zone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public boolean isWorkingDay(java.time.LocalDate date) {
                return true;
            }
        };
        contextRunner.withBean(ApproverDirectory.class, Ningxia::approvers)
                .withBean(org.tierflow.core.spi.WorkingDayCalendar.class, () -> everyDay)
                .withPropertyValues("tierflow.publicity.holidays=2026-10-01")
                .run(context -> assertThat(context.getBean(org.tierflow.core.spi.WorkingDayCalendar.class))
                        .as("the host's calendar wins").isSameAs(everyDay));
    }

    @Test
    void reviewPoliciesComeFromProperties() {
        contextRunner.withBean(ApproverDirectory.class, Ningxia::approvers)
                .withPropertyValues("tierflow.review.empty-approvers=ADMINISTRATOR",
                        "tierflow.review.administrator=bureau-admin", "tierflow.review.self-approval=EXCLUDE_APPLICANT")
                .run(context -> assertThat(context.getBean(ReviewPolicies.class)).isEqualTo(new ReviewPolicies(
                        EmptyApproverPolicy.ADMINISTRATOR, "bureau-admin", SelfApprovalPolicy.EXCLUDE_APPLICANT)));
        contextRunner.withBean(ApproverDirectory.class, Ningxia::approvers)
                .run(context -> assertThat(context.getBean(ReviewPolicies.class)).isEqualTo(ReviewPolicies.defaults()));
    }

    @Test
    void thePoliciesFromPropertiesDecideWhatHappensToALevelWithoutApprovers() {
        // Nobody may act anywhere: with AUTO_PASS every deciding level passes on its own.
        contextRunner.withBean(ApproverDirectory.class, () -> InMemoryApproverDirectory.builder().build())
                .withPropertyValues("tierflow.review.empty-approvers=AUTO_PASS")
                .run(context -> {
                    Nomination nomination = context.getBean(NominationService.class).submit(Ningxia.submission());
                    assertThat(nomination.state()).isEqualTo(NominationState.SELECTED);
                });
    }

    @Test
    void theHostsOwnReviewPoliciesWin() {
        ReviewPolicies own = new ReviewPolicies(EmptyApproverPolicy.AUTO_PASS, null, SelfApprovalPolicy.EXCLUDE_APPLICANT);
        contextRunner.withBean(ApproverDirectory.class, Ningxia::approvers)
                .withPropertyValues("tierflow.review.empty-approvers=ESCALATE")
                .withBean(ReviewPolicies.class, () -> own)
                .run(context -> assertThat(context.getBean(ReviewPolicies.class)).isSameAs(own));
    }

    @Test
    void anAdministratorPolicyWithoutAnAdministratorNamesTheProperty() {
        contextRunner.withBean(ApproverDirectory.class, Ningxia::approvers)
                .withPropertyValues("tierflow.review.empty-approvers=ADMINISTRATOR")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("tierflow.review.administrator"));
    }

    @Test
    void eligibilityChecksHandlersListenersAndTheNotifierComeFromTheContext() {
        List<String> globalHandlerSaw = new CopyOnWriteArrayList<>();
        List<NominationEvent> heard = new CopyOnWriteArrayList<>();
        List<Notification> told = new CopyOnWriteArrayList<>();
        EligibilityCheck noOpenCase = (program, tier, submission) -> submission.applicantId().startsWith("under-investigation")
                ? List.of(new EligibilityFailure("no-disciplinary-case", new LocalizedText("存在未结的师德违规调查",
                        "an ethics investigation is open")))
                : List.of();
        DecisionHandler global = new DecisionHandler() {
            @Override
            public void afterDecision(DecisionContext decision) {
                globalHandlerSaw.add(decision.unitId());
            }
        };
        DecisionHandler jinfengInterviewsFirst = new DecisionHandler() {
            @Override
            public Optional<LocalizedText> beforeDecision(DecisionContext decision) {
                if (decision.unitId().equals(Ningxia.DISTRICT) && !decision.decision().data().containsKey("interview")) {
                    return Optional.of(new LocalizedText("金凤区要求先完成面试", "Jinfeng requires an interview first"));
                }
                return Optional.empty();
            }
        };
        contextRunner.withBean(ApproverDirectory.class, Ningxia::approvers)
                .withBean(EligibilityCheck.class, () -> noOpenCase)
                .withBean(DecisionHandler.class, () -> global)
                .withBean(OrganisationDecisionHandler.class,
                        () -> new OrganisationDecisionHandler(Ningxia.DISTRICT, jinfengInterviewsFirst))
                .withBean(NominationListener.class, () -> heard::add)
                .withBean(Notifier.class, () -> told::add)
                // A listener that uses Flowable's services: it must not make a cycle with the engine's configuration.
                .withBean(TaskCountingListener.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    NominationService nominations = context.getBean(NominationService.class);
                    ReviewService reviews = context.getBean(ReviewService.class);

                    assertThatThrownBy(() -> nominations.submit(Ningxia.submission("under-investigation-1")))
                            .isInstanceOf(NotEligibleException.class)
                            .hasMessageContaining("an ethics investigation is open");

                    Nomination nomination = nominations.submit(Ningxia.submission());
                    Ningxia.pass(reviews, nomination, Ningxia.PRINCIPAL);
                    String districtTask = Ningxia.reviewOf(reviews, nomination.id(), Ningxia.DISTRICT_REVIEWER).taskId();
                    assertThatThrownBy(() -> reviews.decide(districtTask, Ningxia.DISTRICT_REVIEWER, Decision.pass("ok")))
                            .isInstanceOf(DecisionVetoedException.class)
                            .hasMessageContaining("Jinfeng requires an interview first");
                    reviews.decide(districtTask, Ningxia.DISTRICT_REVIEWER,
                            Decision.pass("面试通过 / interviewed").withData(Map.of("interview", "passed")));
                    Nomination selected = Ningxia.pass(reviews, nomination, Ningxia.CITY_REVIEWER);

                    assertThat(selected.state()).isEqualTo(NominationState.SELECTED);
                    assertThat(globalHandlerSaw).as("only the city is outside Jinfeng").containsExactly(Ningxia.CITY);
                    assertThat(heard).extracting(NominationEvent::type).containsExactly(NominationEventType.SUBMITTED,
                            NominationEventType.PASSED_LEVEL, NominationEventType.PASSED_LEVEL,
                            NominationEventType.PASSED_LEVEL, NominationEventType.FILED, NominationEventType.REACHED_TOP);
                    assertThat(context.getBean(TaskCountingListener.class).openTasks).hasSameSizeAs(heard);
                    assertThat(told).filteredOn(n -> n.kind() == NotificationKind.REVIEW_WAITING)
                            .extracting(Notification::recipientId)
                            .containsExactly(Ningxia.PRINCIPAL, Ningxia.DISTRICT_REVIEWER, Ningxia.CITY_REVIEWER);
                    assertThat(told).filteredOn(n -> n.recipientId().equals(nomination.applicantId()))
                            .extracting(Notification::kind).containsExactly(NotificationKind.SELECTED);
                });
    }

    @Test
    void twoGlobalDecisionHandlersAreRefusedWithAHint() {
        contextRunner.withBean(ApproverDirectory.class, Ningxia::approvers)
                .withBean("first", DecisionHandler.class, () -> new DecisionHandler() { })
                .withBean("second", DecisionHandler.class, () -> new DecisionHandler() { })
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("OrganisationDecisionHandler"));
    }

    @Test
    void publishesNominationEventsAsApplicationEventsUnlessSwitchedOff() {
        contextRunner.withBean(ApproverDirectory.class, Ningxia::approvers)
                .withBean(RecordingApplicationListener.class)
                .run(context -> {
                    Nomination nomination = context.getBean(NominationService.class).submit(Ningxia.submission());
                    assertThat(context.getBean(RecordingApplicationListener.class).events)
                            .singleElement()
                            .satisfies(event -> {
                                assertThat(event.getType()).isEqualTo(NominationEventType.SUBMITTED);
                                assertThat(event.getNominationId()).isEqualTo(nomination.id());
                            });
                });
        contextRunner.withBean(ApproverDirectory.class, Ningxia::approvers)
                .withBean(RecordingApplicationListener.class)
                .withPropertyValues("tierflow.events.publish-application-events=false")
                .run(context -> {
                    assertThat(context).doesNotHaveBean("tierFlowApplicationEventPublisher");
                    context.getBean(NominationService.class).submit(Ningxia.submission());
                    assertThat(context.getBean(RecordingApplicationListener.class).events).isEmpty();
                });
    }

    /** Hears TierFlow's application events. */
    static class RecordingApplicationListener implements ApplicationListener<TierFlowNominationEvent> {
        final List<TierFlowNominationEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onApplicationEvent(TierFlowNominationEvent event) {
            events.add(event);
        }
    }

    /** A host listener that needs Flowable's TaskService, injected by type. */
    static class TaskCountingListener implements NominationListener {
        final List<Long> openTasks = new CopyOnWriteArrayList<>();

        private final TaskService taskService;

        TaskCountingListener(TaskService taskService) {
            this.taskService = taskService;
        }

        @Override
        public void onEvent(NominationEvent event) {
            openTasks.add(taskService.createTaskQuery().count());
        }
    }
}
