package org.tierflow.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.flowable.engine.ProcessEngine;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.ProcessHistory;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.ReviewPolicies;
import org.tierflow.core.api.ReviewService;
import org.tierflow.core.api.SelectionService;
import org.tierflow.core.internal.selection.DefaultSelectionService;
import org.tierflow.core.internal.selection.DeclaredAllocations;
import org.tierflow.core.internal.selection.SelectionContext;
import org.tierflow.core.api.CredentialService;
import org.tierflow.core.api.TrainingService;
import org.tierflow.core.api.AssessmentService;
import org.tierflow.core.api.PanelService;
import org.tierflow.core.internal.engine.PanelDecisions;
import org.tierflow.core.internal.panel.DefaultPanelService;
import org.tierflow.core.internal.panel.PanelContext;
import org.tierflow.core.internal.panel.PanelEngine;
import org.tierflow.core.spi.ExpertDirectory;
import org.flowable.engine.ProcessEngineConfiguration;
import org.tierflow.core.internal.engine.DefaultNominationService;
import org.tierflow.core.internal.engine.DefaultReviewService;
import org.tierflow.core.internal.engine.TierFlowBootstrap;
import org.tierflow.core.internal.engine.TierFlowRuntime;
import org.tierflow.core.internal.credential.DefaultCredentialService;
import org.tierflow.core.internal.training.DefaultTrainingService;
import org.tierflow.core.internal.assessment.DefaultAssessmentService;
import org.tierflow.core.api.SpotCheckService;
import org.tierflow.core.internal.spotcheck.DefaultSpotCheckService;
import org.tierflow.core.internal.lifecycle.LifecycleModule;
import org.tierflow.core.api.AcceptanceService;
import org.tierflow.core.api.EvaluationService;
import org.tierflow.core.api.LifecycleService;
import org.tierflow.core.api.TaskBookService;
import org.tierflow.core.spi.ApproverDirectory;
import org.tierflow.core.spi.DecisionHandler;
import org.tierflow.core.spi.EligibilityCheck;
import org.tierflow.core.spi.NominationListener;
import org.tierflow.core.spi.Notifier;
import org.tierflow.core.spi.OrganisationDirectory;
import org.tierflow.core.api.PublicityService;
import org.tierflow.core.internal.publicity.DefaultPublicityService;
import org.tierflow.core.internal.publicity.PublicityContext;
import org.tierflow.core.internal.publicity.PublicityDelegates;
import org.tierflow.core.spi.WorkingDayCalendar;
import org.tierflow.core.support.WeekdayCalendar;

/**
 * TierFlow on a Flowable engine: the entry point for hosts without Spring Boot (the starter does this for you).
 *
 * <pre>{@code
 * TierFlow tierFlow = TierFlow.builder()
 *         .programs(catalog).organisations(directory).approvers(approvers)
 *         .build();
 * tierFlow.configure(engineConfiguration);        // before the engine is built
 * ProcessEngine engine = engineConfiguration.buildProcessEngine();
 * tierFlow.start(engine);                          // migrates TierFlow's tables, deploys its models, applies
 *                                                  // the quota allocations the definitions declare
 * tierFlow.nominations().submit(...);
 * }</pre>
 */
public final class TierFlow {

    private final TierFlowRuntime runtime;
    private final ProgramCatalog programs;
    private final NominationService nominations;
    private final ReviewService reviews;
    private final SelectionService selection;
    private final TrainingService training;
    private final CredentialService credentials;
    private final PanelService panels;
    private final AssessmentService assessments;
    private final SpotCheckService spotChecks;
    private final Map<String, String> bpmnModels;
    private final DefaultPublicityService publicity;
    private final DeclaredAllocations declaredAllocations;
    private final LifecycleModule lifecycle;

    private TierFlow(Builder builder) {
        this.programs = builder.programs;
        this.runtime = new TierFlowRuntime(builder.programs, builder.organisations, builder.approvers,
                builder.eligibilityChecks, builder.handlersByUnit, builder.globalHandler, builder.listeners,
                builder.policies, builder.notifier, builder.levelReviewsByUnit);
        this.nominations = new DefaultNominationService(runtime);
        DefaultReviewService reviewService = new DefaultReviewService(runtime);
        this.reviews = reviewService;
        DefaultSelectionService selectionService = new DefaultSelectionService(new SelectionContext(
                runtime::inTransaction, runtime::engine, runtime::now, () -> runtime.persistence().currentSession(),
                runtime.quotas(), reviewService, reviewService, nominations, builder.programs, builder.organisations,
                builder.approvers, builder.policies));
        this.selection = selectionService;
        this.declaredAllocations = new DeclaredAllocations(runtime::inTransaction,
                () -> runtime.persistence().currentSession(), builder.programs, builder.organisations, selectionService);
        this.publicity = new DefaultPublicityService(new PublicityContext(runtime::inTransaction, runtime::engine,
                runtime::now, () -> runtime.persistence().currentSession(), runtime.quotas(), reviewService,
                selectionService, nominations, builder.programs, builder.organisations, builder.approvers,
                builder.calendar, builder.publicityWorkingDays));
        this.training = new DefaultTrainingService(runtime);
        this.credentials = new DefaultCredentialService(runtime);
        this.assessments = new DefaultAssessmentService(runtime);
        PanelContext panelContext = new PanelContext(runtime::inTransaction, runtime::engine, runtime::now,
                () -> runtime.persistence().currentSession(), builder.programs, builder.organisations,
                builder.approvers, builder.experts, nominations, new PanelDecisions(runtime));
        PanelEngine panelEngine = new PanelEngine(panelContext);
        runtime.registerBeans(panelEngine.byBeanName());
        runtime.processHistory(builder.processHistory);
        if (builder.experts != null) {
            runtime.enablePanels();
        }
        this.panels = new DefaultPanelService(panelContext, panelEngine);
        this.spotChecks = new DefaultSpotCheckService(runtime);
        this.lifecycle = new LifecycleModule(runtime);
        this.bpmnModels = Collections.unmodifiableMap(new LinkedHashMap<>(builder.bpmnModels));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Registers TierFlow's delegates with an engine configuration. Call before the engine is built. */
    public TierFlow configure(ProcessEngineConfiguration engineConfiguration) {
        TierFlowBootstrap.configure(engineConfiguration, runtime);
        PublicityDelegates.register(engineConfiguration, publicity);
        org.tierflow.core.internal.selection.BatchSelectionJobHandler.register(engineConfiguration,
                (DefaultSelectionService) selection);
        lifecycle.configure(engineConfiguration);
        return this;
    }

    /**
     * Starts TierFlow on an engine built from a configuration passed to {@link #configure}: migrates
     * TierFlow's tables on the engine's database and deploys its models if they changed.
     *
     * @throws org.tierflow.core.api.BpmnContractException when a model (shipped or given to
     *         {@link Builder#bpmnModel}) breaks TierFlow's BPMN contract; it lists every violation, and nothing
     *         was deployed
     * @throws org.tierflow.core.api.program.ProgramDefinitionException when a quota allocation declared in a program
     *         definition cannot be applied (an unknown unit, a unit at the wrong place, more than the parent's quota);
     *         it names each declaration's file, line and field, and no declared allocation was applied
     */
    public TierFlow start(ProcessEngine engine) {
        TierFlowBootstrap.start(engine, runtime, bpmnModels);
        declaredAllocations.apply();
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

    /** The training-hour ledger of selected candidates. */
    public TrainingService training() {
        return training;
    }

    /** Exam results (考核成绩) of candidates under review, for tiers with assessments. */
    public AssessmentService assessments() {
        return assessments;
    }

    /** Credentials (认定证书): issue, verify, revoke, print. */
    public CredentialService credentials() {
        return credentials;
    }

    /** Yearly spot checks (抽查): a reproducible sample of candidates in progress and their units, audits, reports. */
    public SpotCheckService spotChecks() {
        return spotChecks;
    }

    /** Selection under quota: allocation down the tree, selection rounds, batches and the waitlist. */
    public SelectionService selection() {
        return selection;
    }

    /** Expert panels (专家评审): expert inbox, score sheets, blind reading of a panel's scores, panel results. */
    public PanelService panels() {
        return panels;
    }

    /** Publicity (公示) of selected candidates, objections, confirmation and export of the list. */
    public PublicityService publicity() {
        return publicity;
    }

    /** The life cycle after selection as a whole: phase, outcomes, moved deadlines. */
    public LifecycleService lifecycle() {
        return lifecycle.lifecycle();
    }

    /** Task books (项目任务书): sign, countersign, signed elsewhere, deadline. */
    public TaskBookService taskBooks() {
        return lifecycle.taskBooks();
    }

    /** Acceptance (考核验收) with on-site acceptance and the extension for rectification. */
    public AcceptanceService acceptance() {
        return lifecycle.acceptance();
    }

    /** The comprehensive evaluation (综合考评) by several parties. */
    public EvaluationService evaluations() {
        return lifecycle.evaluations();
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
        private Notifier notifier;
        private ExpertDirectory experts;
        private final Map<String, String> bpmnModels = new LinkedHashMap<>();
        private final Map<String, String> levelReviewsByUnit = new LinkedHashMap<>();
        private WorkingDayCalendar calendar = WeekdayCalendar.shanghai();
        private int publicityWorkingDays = 5;
        private ProcessHistory processHistory = ProcessHistory.TASK;

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

        /**
         * Who should hear about what: TierFlow hands this notifier one {@link org.tierflow.core.spi.Notification}
         * per recipient after each commit (reviewers when a review waits for them; the applicant when the
         * nomination is returned, rejected, selected or withdrawn). Optional: without one, nothing is sent.
         */
        public Builder notifier(Notifier hostNotifier) {
            this.notifier = Objects.requireNonNull(hostNotifier);
            return this;
        }

        /**
         * The host's expert pool for expert panels: who may score at a step, and the unit each expert belongs to.
         * Optional: without one, steps with a panel in the program definition are decided by the level's reviewers
         * alone (scores recorded with {@code SelectionService.recordScore}), as before expert panels existed.
         */
        public Builder experts(ExpertDirectory directory) {
            this.experts = Objects.requireNonNull(directory);
            return this;
        }

        /**
         * The working-day calendar publicity periods are counted in; Monday to Friday in Asia/Shanghai, without
         * holidays, otherwise ({@link WeekdayCalendar#shanghai()}).
         */
        public Builder workingDayCalendar(WorkingDayCalendar workingDayCalendar) {
            this.calendar = Objects.requireNonNull(workingDayCalendar);
            return this;
        }

        /**
         * How many working days a publicity (公示) runs; five otherwise.
         *
         * @throws IllegalArgumentException when less than 1
         */
        public Builder publicityPeriod(int workingDays) {
            if (workingDays < 1) {
                throw new IllegalArgumentException("公示期至少为 1 个工作日，实际为 " + workingDays
                        + " / the publicity period is at least 1 working day, got " + workingDays);
            }
            this.publicityWorkingDays = workingDays;
            return this;
        }

        /**
         * How much of Flowable's history TierFlow's own processes write: {@link ProcessHistory#TASK} unless set
         * (process instances and user tasks; not their variables and activities, which repeat TierFlow's records);
         * {@link ProcessHistory#ENGINE} leaves them at the engine's history level. TierFlow's own records do not
         * depend on it. Applies to engines configured by {@link TierFlow#configure} afterwards.
         */
        public Builder processHistory(ProcessHistory history) {
            this.processHistory = Objects.requireNonNull(history, "history");
            return this;
        }

        /** Empty-approver and self-approval policies; {@link ReviewPolicies#defaults()} otherwise. */
        public Builder policies(ReviewPolicies reviewPolicies) {
            this.policies = Objects.requireNonNull(reviewPolicies);
            return this;
        }

        /**
         * A process designer's customised version of one of TierFlow's BPMN models, deployed instead of the
         * shipped model that defines the same process id ({@code tierflowNominationProcess} or
         * {@code tierflowLevelReviewProcess}), or an organisation's own level review under a key of its own (see
         * {@link #levelReviewProcess}). Call once per customised model.
         *
         * <p>{@link TierFlow#start} checks every model against TierFlow's BPMN contract
         * ({@code docs/reference/bpmn-contract.md}) before deploying anything: a model that breaks it (a missing
         * contract task, a script task, a class or expression instead of TierFlow's delegate beans, an arbitrary
         * condition, a gateway missing an outcome, invalid XML, ...) makes {@code start} throw a
         * {@link org.tierflow.core.api.BpmnContractException} naming the resource, line, element and rule of every
         * violation, and nothing is deployed.
         *
         * @param resourceName the name to deploy the model under, ending with {@code .bpmn20.xml}, for example
         *                     {@code "acme/tierflowLevelReviewProcess.bpmn20.xml"}; unique among the custom models
         * @param xml          the BPMN 2.0 XML of the model
         * @throws IllegalArgumentException when the name does not end with {@code .bpmn20.xml} or was given before
         */
        public Builder bpmnModel(String resourceName, String xml) {
            Objects.requireNonNull(resourceName, "resourceName");
            Objects.requireNonNull(xml, "xml");
            if (!resourceName.endsWith(TierFlowBpmn.RESOURCE_SUFFIX)) {
                throw new IllegalArgumentException("BPMN 模型的资源名必须以 " + TierFlowBpmn.RESOURCE_SUFFIX + " 结尾："
                        + resourceName + " / the resource name of a BPMN model must end with "
                        + TierFlowBpmn.RESOURCE_SUFFIX + ": " + resourceName);
            }
            if (bpmnModels.putIfAbsent(resourceName, xml) != null) {
                throw new IllegalArgumentException("BPMN 模型 " + resourceName + " 已注册 / the BPMN model "
                        + resourceName + " was already given");
            }
            return this;
        }

        /**
         * Reviews at this organisation unit, and at every unit below it without one of its own, run the level-review
         * process {@code processKey} instead of {@code tierflowLevelReviewProcess}: for example a district that
         * interviews each candidate before deciding. As for decision handlers, the nearest unit up the tree wins;
         * naming {@code tierflowLevelReviewProcess} gives a unit below such a unit the shipped review back.
         *
         * <p>The process comes from a model given to {@link #bpmnModel}; {@link TierFlow#start} checks it against
         * the level-review contract (every rule of {@code tierflowLevelReviewProcess}: {@code Task_prepareLevel},
         * {@code Gateway_levelMode}, {@code Task_reviewNomination}, {@code Task_fileWithLevel}, ...), checks that a
         * model defines it and that the unit exists, and refuses to start otherwise, naming the element, process or
         * unit.
         *
         * @param unitId     the organisation unit, as the host's {@code OrganisationDirectory} knows it
         * @param processKey the id of the process in its model, other than {@code tierflowNominationProcess}
         * @throws IllegalArgumentException when the unit already has one, or the key is blank or the nomination's
         */
        public Builder levelReviewProcess(String unitId, String processKey) {
            Objects.requireNonNull(unitId, "unitId");
            Objects.requireNonNull(processKey, "processKey");
            if (processKey.isBlank() || processKey.equals(TierFlowBpmn.NOMINATION_PROCESS)) {
                throw new IllegalArgumentException("“" + processKey + "” 不能作为本级审核流程 / '" + processKey
                        + "' cannot be a level-review process");
            }
            if (levelReviewsByUnit.putIfAbsent(unitId, processKey) != null) {
                throw new IllegalArgumentException("单位 " + unitId + " 已登记本级审核流程 " + levelReviewsByUnit.get(unitId)
                        + " / unit " + unitId + " already has the level-review process " + levelReviewsByUnit.get(unitId));
            }
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
