package org.tierflow.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;
import org.tierflow.core.TierFlow;
import org.tierflow.spring.boot.web.AssessmentController;
import org.tierflow.spring.boot.web.CredentialController;
import org.tierflow.spring.boot.web.EvaluationController;
import org.tierflow.spring.boot.web.LifecycleController;
import org.tierflow.spring.boot.web.NominationController;
import org.tierflow.spring.boot.web.OpenApiController;
import org.tierflow.spring.boot.web.PanelController;
import org.tierflow.spring.boot.web.ProgramController;
import org.tierflow.spring.boot.web.PublicityController;
import org.tierflow.spring.boot.web.ReviewController;
import org.tierflow.spring.boot.web.SelectionController;
import org.tierflow.spring.boot.web.SpotCheckController;
import org.tierflow.spring.boot.web.TierFlowProblemHandler;
import org.tierflow.spring.boot.web.TrainingController;

/**
 * TierFlow's REST API under {@code tierflow.web.base-path} (default {@code /tierflow/api}), when the host is a
 * Spring MVC application with a {@link TierFlow} bean and sets {@code tierflow.web.enabled=true}. The caller is the
 * request's user principal, set by the host's security; refusals are answered as problem details by a
 * {@link TierFlowProblemHandler} that handles TierFlow's controllers only. See {@code docs/reference/rest-api.md}.
 */
@AutoConfiguration(after = TierFlowEngineAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(TierFlow.class)
@ConditionalOnBooleanProperty("tierflow.web.enabled")
@EnableConfigurationProperties(TierFlowProperties.class)
public class TierFlowWebAutoConfiguration {

    @Bean
    ProgramController tierFlowProgramController(TierFlow tierFlow) {
        return new ProgramController(tierFlow.programs());
    }

    @Bean
    NominationController tierFlowNominationController(TierFlow tierFlow) {
        return new NominationController(tierFlow.nominations());
    }

    @Bean
    ReviewController tierFlowReviewController(TierFlow tierFlow) {
        return new ReviewController(tierFlow.reviews());
    }

    @Bean
    SelectionController tierFlowSelectionController(TierFlow tierFlow) {
        return new SelectionController(tierFlow.selection());
    }

    @Bean
    TrainingController tierFlowTrainingController(TierFlow tierFlow) {
        return new TrainingController(tierFlow.training());
    }

    @Bean
    CredentialController tierFlowCredentialController(TierFlow tierFlow, TierFlowProperties properties) {
        return new CredentialController(tierFlow.credentials(), properties.getDefaultLocale());
    }

    @Bean
    PublicityController tierFlowPublicityController(TierFlow tierFlow) {
        return new PublicityController(tierFlow.publicity());
    }

    @Bean
    LifecycleController tierFlowLifecycleController(TierFlow tierFlow) {
        return new LifecycleController(tierFlow.lifecycle(), tierFlow.taskBooks(), tierFlow.acceptance());
    }

    @Bean
    PanelController tierFlowPanelController(TierFlow tierFlow) {
        return new PanelController(tierFlow.panels());
    }

    @Bean
    AssessmentController tierFlowAssessmentController(TierFlow tierFlow) {
        return new AssessmentController(tierFlow.assessments());
    }

    @Bean
    EvaluationController tierFlowEvaluationController(TierFlow tierFlow) {
        return new EvaluationController(tierFlow.evaluations());
    }

    @Bean
    SpotCheckController tierFlowSpotCheckController(TierFlow tierFlow) {
        return new SpotCheckController(tierFlow.spotChecks());
    }

    @Bean
    OpenApiController tierFlowOpenApiController(TierFlowProperties properties) {
        return new OpenApiController(properties.getWeb().getBasePath());
    }

    @Bean
    TierFlowProblemHandler tierFlowProblemHandler(TierFlowProperties properties) {
        return new TierFlowProblemHandler(properties.getDefaultLocale());
    }
}
