package org.tierflow.spring.boot.autoconfigure;

import org.flowable.engine.ProcessEngine;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.flowable.spring.boot.ProcessEngineAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.ResourceLoader;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.CredentialService;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.AssessmentService;
import org.tierflow.core.api.PublicityService;
import org.tierflow.core.api.ReviewPolicies;
import org.tierflow.core.api.ReviewService;
import org.tierflow.core.api.SelectionService;
import org.tierflow.core.api.TrainingService;
import org.tierflow.core.spi.ApproverDirectory;
import org.tierflow.core.spi.DecisionHandler;
import org.tierflow.core.spi.EligibilityCheck;
import org.tierflow.core.spi.NominationListener;
import org.tierflow.core.spi.Notifier;
import org.tierflow.core.spi.ExpertDirectory;
import org.tierflow.core.api.PanelService;
import org.tierflow.core.spi.OrganisationDirectory;
import org.tierflow.core.spi.WorkingDayCalendar;
import org.tierflow.spring.boot.OrganisationDecisionHandler;

/**
 * TierFlow on the Flowable process engine that Flowable's own auto-configuration builds, sharing the host's
 * {@code DataSource} and transaction manager: one decision is one transaction of the host.
 *
 * <p>Active when the host has a {@link ProgramCatalog}, an {@link OrganisationDirectory} and an
 * {@link ApproverDirectory} (the first two may come from TierFlow's other auto-configurations). Builds a
 * {@link TierFlow} from the context's beans: every {@link EligibilityCheck} and {@link NominationListener}
 * (in {@code @Order}), a {@link DecisionHandler} bean as the global handler, every
 * {@link OrganisationDecisionHandler} bean as a handler for its unit, and {@link ReviewPolicies} from
 * {@code tierflow.review.*} unless the host declares its own, a {@link WorkingDayCalendar} from
 * {@code tierflow.publicity.*} unless the host declares its own; customised models and the units' own level reviews
 * from {@code tierflow.bpmn.*} ({@link TierFlowBpmnProperties}). {@link NominationService}, {@link ReviewService},
 * {@link PublicityService} and the other services are beans too.
 *
 * <p>Contributes to Flowable only through an {@link EngineConfigurationConfigurer}, so Flowable's
 * {@code flowable.*} properties keep working, and deploys TierFlow's models (from {@code org/tierflow/bpmn/})
 * in a deployment of its own named "TierFlow": the host's {@code processes/} auto-deployment is untouched.
 *
 * <p>A host that declares its own {@link TierFlow} bean takes over entirely: this configuration then neither
 * configures nor starts anything.
 */
@AutoConfiguration(after = {ProcessEngineAutoConfiguration.class, TierFlowProgramsAutoConfiguration.class,
        TierFlowOrganisationsAutoConfiguration.class})
@ConditionalOnClass(SpringProcessEngineConfiguration.class)
@ConditionalOnBean({ProgramCatalog.class, OrganisationDirectory.class, ApproverDirectory.class})
@EnableConfigurationProperties({TierFlowProperties.class, TierFlowBpmnProperties.class})
public class TierFlowEngineAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReviewPolicies tierFlowReviewPolicies(TierFlowProperties properties) {
        return properties.getReview().toPolicies();
    }

    /** TierFlow's nomination service (the host's TierFlow's, if it declares one), for injection. */
    @Bean
    @ConditionalOnMissingBean
    NominationService tierFlowNominationService(TierFlow tierFlow) {
        return tierFlow.nominations();
    }

    /** TierFlow's review service (the host's TierFlow's, if it declares one), for injection. */
    @Bean
    @ConditionalOnMissingBean
    ReviewService tierFlowReviewService(TierFlow tierFlow) {
        return tierFlow.reviews();
    }

    /** Quota allocation, selection rounds and batches, for injection. */
    @Bean
    @ConditionalOnMissingBean
    SelectionService tierFlowSelectionService(TierFlow tierFlow) {
        return tierFlow.selection();
    }

    /** Expert panels: expert inbox, score sheets, panel scores and results, for injection. */
    @Bean
    @ConditionalOnMissingBean
    PanelService tierFlowPanelService(TierFlow tierFlow) {
        return tierFlow.panels();
    }

    /** Exam results (考试) a host's exam platform records before the deciding step, for injection. */
    @Bean
    @ConditionalOnMissingBean
    AssessmentService tierFlowAssessmentService(TierFlow tierFlow) {
        return tierFlow.assessments();
    }

    /** The training-hour ledger a host's training platform feeds, for injection. */
    @Bean
    @ConditionalOnMissingBean
    TrainingService tierFlowTrainingService(TierFlow tierFlow) {
        return tierFlow.training();
    }

    /** Publicity (公示) of selected candidates, objections, confirmation and export, for injection. */
    @Bean
    @ConditionalOnMissingBean
    PublicityService tierFlowPublicityService(TierFlow tierFlow) {
        return tierFlow.publicity();
    }

    /** The working-day calendar of publicity periods, from {@code tierflow.publicity.*} unless the host declares one. */
    @Bean
    @ConditionalOnMissingBean
    WorkingDayCalendar tierFlowWorkingDayCalendar(TierFlowProperties properties) {
        return properties.getPublicity().toCalendar();
    }

    /** Credentials: issue, verify, revoke, print, for injection. */
    @Bean
    @ConditionalOnMissingBean
    CredentialService tierFlowCredentialService(TierFlow tierFlow) {
        return tierFlow.credentials();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(TierFlow.class)
    static class TierFlowConfiguration {

        @Bean
        TierFlow tierFlow(ProgramCatalog programs, OrganisationDirectory organisations, ApproverDirectory approvers,
                          ReviewPolicies policies, ObjectProvider<EligibilityCheck> eligibilityChecks,
                          ObjectProvider<DecisionHandler> decisionHandler,
                          ObjectProvider<OrganisationDecisionHandler> organisationDecisionHandlers,
                          ObjectProvider<NominationListener> listeners, ObjectProvider<Notifier> notifier,
                          ObjectProvider<ExpertDirectory> experts, TierFlowBpmnProperties bpmn,
                          ResourceLoader resourceLoader, WorkingDayCalendar workingDayCalendar,
                          TierFlowProperties properties) {
            TierFlow.Builder builder = TierFlow.builder()
                    .programs(programs)
                    .organisations(organisations)
                    .approvers(approvers)
                    .policies(policies)
                    .workingDayCalendar(workingDayCalendar)
                    .publicityPeriod(properties.getPublicity().workingDays())
                    .processHistory(bpmn.getHistory());
            eligibilityChecks.orderedStream().forEach(builder::eligibilityCheck);
            DecisionHandler global = globalHandler(decisionHandler);
            if (global != null) {
                builder.decisionHandler(global);
            }
            organisationDecisionHandlers.orderedStream()
                    .forEach(handler -> builder.decisionHandler(handler.unitId(), handler.handler()));
            // Resolved at the first event, not now: a listener may then use Flowable's services, whose engine
            // is being configured while this bean is built.
            builder.listener(new ContextNominationListeners(listeners));
            Notifier hostNotifier = notifier.getIfAvailable();
            if (hostNotifier != null) {
                builder.notifier(hostNotifier);
            }
            ExpertDirectory expertDirectory = experts.getIfAvailable();
            if (expertDirectory != null) {
                builder.experts(expertDirectory);
            }
            BpmnModelResources.apply(builder, bpmn, resourceLoader);
            return builder.build();
        }

        /** The host's one {@link DecisionHandler} bean (or its {@code @Primary} one), else none. */
        private static DecisionHandler globalHandler(ObjectProvider<DecisionHandler> handlers) {
            DecisionHandler unique = handlers.getIfUnique();
            if (unique == null && handlers.stream().findAny().isPresent()) {
                throw new IllegalStateException("有多个 DecisionHandler bean：全局处理器只能有一个（或标注 @Primary），"
                        + "各单位的处理器请声明为 OrganisationDecisionHandler bean"
                        + " / several DecisionHandler beans: TierFlow takes one as the global handler (mark it @Primary);"
                        + " declare the handlers of single units as OrganisationDecisionHandler beans");
            }
            return unique;
        }

        /** Registers TierFlow's delegates with the engine configuration Flowable builds from its properties. */
        @Bean
        EngineConfigurationConfigurer<SpringProcessEngineConfiguration> tierFlowEngineConfigurer(TierFlow tierFlow) {
            return tierFlow::configure;
        }

        /**
         * Starts TierFlow once every singleton exists (so before Flowable's async executor runs a timer):
         * migrates TierFlow's tables and deploys its models. Never lazy, so it runs in every context.
         */
        @Bean
        @Lazy(false)
        TierFlowStarter tierFlowStarter(TierFlow tierFlow, ObjectProvider<ProcessEngine> processEngine) {
            return new TierFlowStarter(tierFlow, processEngine);
        }

        @Bean
        @ConditionalOnBooleanProperty(name = "tierflow.events.publish-application-events", matchIfMissing = true)
        NominationListener tierFlowApplicationEventPublisher(ApplicationEventPublisher publisher) {
            return new ApplicationEventNominationPublisher(publisher);
        }
    }
}
