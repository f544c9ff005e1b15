package org.tierflow.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.flowable.engine.ProcessEngine;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.ReviewPolicies;
import org.tierflow.core.api.ReviewService;
import org.flowable.engine.ProcessEngineConfiguration;
import org.tierflow.core.internal.engine.DefaultNominationService;
import org.tierflow.core.internal.engine.DefaultReviewService;
import org.tierflow.core.internal.engine.TierFlowBootstrap;
import org.tierflow.core.internal.engine.TierFlowRuntime;
import org.tierflow.core.spi.ApproverDirectory;
import org.tierflow.core.spi.DecisionHandler;
import org.tierflow.core.spi.EligibilityCheck;
import org.tierflow.core.spi.NominationListener;
import org.tierflow.core.spi.OrganisationDirectory;

/**
 * TierFlow on a Flowable engine: the entry point for hosts without Spring Boot (the starter does this for you).
 *
 * <pre>{@code
 * TierFlow tierFlow = TierFlow.builder()
 *         .programs(catalog).organisations(directory).approvers(approvers)
 *         .build();
 * tierFlow.configure(engineConfiguration);        // before the engine is built
 * ProcessEngine engine = engineConfiguration.buildProcessEngine();
 * tierFlow.start(engine);                          // migrates TierFlow's tables, deploys its models
 * tierFlow.nominations().submit(...);
 * }</pre>
 */
public final class TierFlow {

    private final TierFlowRuntime runtime;
    private final ProgramCatalog programs;
    private final NominationService nominations;
    private final ReviewService reviews;

    private TierFlow(Builder builder) {
        this.programs = builder.programs;
        this.runtime = new TierFlowRuntime(builder.programs, builder.organisations, builder.approvers,
                builder.eligibilityChecks, builder.handlersByUnit, builder.globalHandler, builder.listeners,
                builder.policies);
        this.nominations = new DefaultNominationService(runtime);
        this.reviews = new DefaultReviewService(runtime);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Registers TierFlow's delegates with an engine configuration. Call before the engine is built. */
    public TierFlow configure(ProcessEngineConfiguration engineConfiguration) {
        TierFlowBootstrap.configure(engineConfiguration, runtime);
        return this;
    }

    /**
     * Starts TierFlow on an engine built from a configuration passed to {@link #configure}: migrates
     * TierFlow's tables on the engine's database and deploys its models if they changed.
     */
    public TierFlow start(ProcessEngine engine) {
        TierFlowBootstrap.start(engine, runtime);
        return this;
    }

    /** Whether {@link #start} has run. */
    public boolean isStarted() {
        return runtime.isStarted();
    }

    public ProgramCatalog programs() {
        return programs;
    }

    public NominationService nominations() {
        return nominations;
    }

    public ReviewService reviews() {
        return reviews;
    }

    /** Collects what TierFlow needs from the host. */
    public static final class Builder {
        private ProgramCatalog programs;
        private OrganisationDirectory organisations;
        private ApproverDirectory approvers;
        private final List<EligibilityCheck> eligibilityChecks = new ArrayList<>();
        private final Map<String, DecisionHandler> handlersByUnit = new LinkedHashMap<>();
        private DecisionHandler globalHandler;
        private final List<NominationListener> listeners = new ArrayList<>();
        private ReviewPolicies policies = ReviewPolicies.defaults();

        private Builder() {
        }

        /** The programs to run. Required. */
        public Builder programs(ProgramCatalog catalog) {
            this.programs = catalog;
            return this;
        }

        /** The host's organisation tree. Required. */
        public Builder organisations(OrganisationDirectory directory) {
            this.organisations = directory;
            return this;
        }

        /** Who may act for which unit and level. Required. */
        public Builder approvers(ApproverDirectory directory) {
            this.approvers = directory;
            return this;
        }

        /** An extra eligibility check, run after the definition's rules. */
        public Builder eligibilityCheck(EligibilityCheck check) {
            eligibilityChecks.add(Objects.requireNonNull(check));
            return this;
        }

        /** The decision handler for every unit without one of its own (nor an ancestor with one). */
        public Builder decisionHandler(DecisionHandler handler) {
            this.globalHandler = Objects.requireNonNull(handler);
            return this;
        }

        /** The decision handler for decisions taken at this unit and every unit below it without its own. */
        public Builder decisionHandler(String unitId, DecisionHandler handler) {
            if (handlersByUnit.putIfAbsent(Objects.requireNonNull(unitId), Objects.requireNonNull(handler)) != null) {
                throw new IllegalArgumentException("单位 " + unitId + " 已注册决定处理器 / unit " + unitId
                        + " already has a decision handler");
            }
            return this;
        }

        /** A listener told of nomination events after each commit. */
        public Builder listener(NominationListener listener) {
            listeners.add(Objects.requireNonNull(listener));
            return this;
        }

        /** Empty-approver and self-approval policies; {@link ReviewPolicies#defaults()} otherwise. */
        public Builder policies(ReviewPolicies reviewPolicies) {
            this.policies = Objects.requireNonNull(reviewPolicies);
            return this;
        }

        public TierFlow build() {
            List<String> missing = new ArrayList<>();
            if (programs == null) missing.add("programs");
            if (organisations == null) missing.add("organisations");
            if (approvers == null) missing.add("approvers");
            if (!missing.isEmpty()) {
                throw new IllegalStateException("TierFlow 缺少必需的配置：" + missing + " / TierFlow is missing " + missing);
            }
            return new TierFlow(this);
        }
    }
}
