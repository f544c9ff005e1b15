package org.tierflow.core.internal.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.persistence.OptimisticLockException;

import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.hibernate.StaleStateException;
import org.flowable.common.engine.impl.cfg.TransactionState;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tierflow.core.api.ConcurrentChangeException;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.ReviewPolicies;
import org.tierflow.core.api.TierFlowException;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ReviewChain;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.internal.persistence.NominationEntity;
import org.tierflow.core.internal.persistence.NominationRecords;
import org.tierflow.core.internal.persistence.TierFlowPersistence;
import org.tierflow.core.internal.selection.QuotaLedger;
import org.tierflow.core.spi.ApproverDirectory;
import org.tierflow.core.spi.DecisionHandler;
import org.tierflow.core.spi.EligibilityCheck;
import org.tierflow.core.spi.NominationEvent;
import org.tierflow.core.spi.NominationListener;
import org.tierflow.core.spi.Notification;
import org.tierflow.core.spi.Notifier;
import org.tierflow.core.spi.OrganisationDirectory;

/** Everything TierFlow's delegates and services share; built once per TierFlow instance. */
public final class TierFlowRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(TierFlowRuntime.class);

    private static final DecisionHandler NO_HANDLER = new DecisionHandler() { };

    public final ProgramCatalog programs;
    public final OrganisationDirectory organisations;
    public final ApproverDirectory approvers;
    final List<EligibilityCheck> eligibilityChecks;
    final Map<String, DecisionHandler> handlersByUnit;
    final DecisionHandler globalHandler;
    final List<NominationListener> listeners;
    final ReviewPolicies policies;
    /** The host's notifier, {@code null} when nothing is to be sent. */
    final Notifier notifier;

    /** Beans of other internal packages the models call (expert panels), added before the engine is built. */
    final Map<Object, Object> extraBeans = new java.util.LinkedHashMap<>();

    private volatile ProcessEngine engine;
    private volatile TierFlowPersistence persistence;
    private volatile NominationRecords records;
    private final QuotaLedger quotas;
    private final org.tierflow.core.internal.selection.PendingBatches pendingBatches;
    /** The level-review processes units use instead of the shipped one. */
    private final LevelReviewVariants levelReviews;

    public TierFlowRuntime(ProgramCatalog programs, OrganisationDirectory organisations, ApproverDirectory approvers,
                           List<EligibilityCheck> eligibilityChecks, Map<String, DecisionHandler> handlersByUnit,
                           DecisionHandler globalHandler, List<NominationListener> listeners, ReviewPolicies policies,
                           Notifier notifier) {
        this(programs, organisations, approvers, eligibilityChecks, handlersByUnit, globalHandler, listeners, policies,
                notifier, Map.of());
    }

    public TierFlowRuntime(ProgramCatalog programs, OrganisationDirectory organisations, ApproverDirectory approvers,
                           List<EligibilityCheck> eligibilityChecks, Map<String, DecisionHandler> handlersByUnit,
                           DecisionHandler globalHandler, List<NominationListener> listeners, ReviewPolicies policies,
                           Notifier notifier, Map<String, String> levelReviewByUnit) {
        this.levelReviews = new LevelReviewVariants(organisations, levelReviewByUnit);
        this.programs = programs;
        this.organisations = organisations;
        this.approvers = approvers;
        this.eligibilityChecks = List.copyOf(eligibilityChecks);
        this.handlersByUnit = Map.copyOf(handlersByUnit);
        this.globalHandler = globalHandler == null ? NO_HANDLER : globalHandler;
        this.listeners = List.copyOf(listeners);
        this.policies = policies;
        this.notifier = notifier;
        this.quotas = new QuotaLedger(programs, organisations, () -> persistence().currentSession(), this::now);
        this.pendingBatches = new org.tierflow.core.internal.selection.PendingBatches(() -> persistence().currentSession());
    }

    /** How much of Flowable's history TierFlow's processes write (applied by {@code TierFlowBootstrap.configure}). */
    volatile org.tierflow.core.api.ProcessHistory processHistory = org.tierflow.core.api.ProcessHistory.TASK;

    /** Sets the history level of TierFlow's processes; takes effect on engines configured afterwards. */
    public void processHistory(org.tierflow.core.api.ProcessHistory history) {
        this.processHistory = java.util.Objects.requireNonNull(history, "history");
    }

    /** Whether the host gave an expert directory: only then do steps with a panel run it. */
    volatile boolean panelsEnabled;

    /** Steps with an expert panel run it from now on (the host gave an expert directory). */
    public void enablePanels() {
        panelsEnabled = true;
    }

    /** Adds beans the models call by name (delegate expressions, the panel's completion condition). */
    public void registerBeans(Map<Object, Object> beans) {
        extraBeans.putAll(beans);
    }

    /** Binds the started engine and TierFlow's persistence. */
    public void bind(ProcessEngine processEngine, TierFlowPersistence tierFlowPersistence) {
        this.persistence = tierFlowPersistence;
        this.records = new NominationRecords(tierFlowPersistence);
        this.engine = processEngine;
    }

    public boolean isStarted() {
        return engine != null;
    }

    public ProcessEngine engine() {
        ProcessEngine current = engine;
        if (current == null) {
            throw new IllegalStateException("TierFlow 尚未启动 / TierFlow has not been started: call TierFlow.start(processEngine)");
        }
        return current;
    }

    NominationRecords records() {
        return records;
    }

    public TierFlowPersistence persistence() {
        return persistence;
    }

    /** The quota rows: taken on every pass, in the decision's transaction (selection under quota). */
    public QuotaLedger quotas() {
        return quotas;
    }

    /** Reviews being applied by a batch selection's jobs: refused to everybody else meanwhile. */
    public org.tierflow.core.internal.selection.PendingBatches pendingBatches() {
        return pendingBatches;
    }

    /** Runs the work as one engine command: one transaction for the engine's and TierFlow's tables. */
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return engine().getManagementService().executeCommand(commandContext -> {
                try {
                    return work.get();
                } catch (TierFlowException e) {
                    throw new RolledBack(e);
                } catch (FlowableException e) {
                    TierFlowException cause = tierFlowCause(e);
                    if (cause != null) {
                        throw new RolledBack(cause);
                    }
                    throw e;
                }
            });
        } catch (RolledBack e) {
            throw e.reason;
        } catch (RuntimeException e) {
            // A concurrent change: an entity changed first by another transaction, two appends to one timeline at once
            // (the second gets the first's sequence number, see NominationRecords), or one quota row used twice.
            if (org.tierflow.core.internal.persistence.DatabaseErrors.isTimelineSequenceClash(e)
                    || org.tierflow.core.internal.persistence.DatabaseErrors.isQuotaUseClash(e)
                    || causedByStaleEntity(e)) {
                throw new ConcurrentChangeException(e);
            }
            throw e;
        }
    }

    /**
     * Whether the failure is, or is caused by, an entity another transaction changed first: the engine wraps a
     * nested command's failure in its own exception when closing the command fails as well.
     */
    private static boolean causedByStaleEntity(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof FlowableOptimisticLockingException || t instanceof OptimisticLockException
                    || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /** A TierFlow error the engine wrapped on its way out of a nested command, if any. */
    private static TierFlowException tierFlowCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TierFlowException tierFlow) {
                return tierFlow;
            }
        }
        return null;
    }

    /**
     * Carries a refusal (not authorized, invalid, vetoed) out of the engine command so the transaction rolls
     * back, without the engine logging it as an error: refusals are answers, not faults.
     */
    private static final class RolledBack extends FlowableException {
        private final TierFlowException reason;

        RolledBack(TierFlowException reason) {
            super(reason.getMessage(), reason);
            this.reason = reason;
            setLogged(false);
        }
    }

    /** Now, by the engine's clock (tests move it). */
    public Instant now() {
        return engine().getProcessEngineConfiguration().getClock().getCurrentTime().toInstant();
    }

    NominationEntity nomination(String nominationId) {
        return records.find(nominationId).orElseThrow(() -> new NotFoundException(new LocalizedText(
                "找不到申报 " + nominationId, "no nomination " + nominationId)));
    }

    ProgramDefinition program(String code) {
        return programs.find(code).orElseThrow(() -> new InvalidRequestException("unknown-program", new LocalizedText(
                "没有代码为 “" + code + "” 的培养方案", "no program with the code '" + code + "'")));
    }

    TierDefinition tier(String programCode, String tierCode) {
        return program(programCode).tier(tierCode).orElseThrow(() -> new InvalidRequestException("unknown-tier",
                new LocalizedText("培养方案 “" + programCode + "” 中没有人才类别 “" + tierCode + "”",
                        "program '" + programCode + "' has no tier '" + tierCode + "'")));
    }

    /** The chain this nomination follows: the university variant for university candidates. */
    ReviewChain chainOf(NominationEntity nomination) {
        OrganisationUnit unit = organisations.unit(nomination.getUnitId());
        return tier(nomination.getProgramCode(), nomination.getTierCode()).chainFor(unit.level());
    }

    /** The unit acting at {@code level} for a candidate of {@code applicantUnitId}: the unit itself or an ancestor. */
    OrganisationUnit unitAt(String applicantUnitId, OrganisationLevel level) {
        return organisations.ancestorAt(applicantUnitId, level).orElseThrow(() -> new InvalidRequestException(
                "no-unit-at-level", new LocalizedText(
                "组织机构树中单位 “" + applicantUnitId + "” 之上没有" + level.label().zh() + "级单位",
                "the organisation tree has no " + level.label().en() + " above unit '" + applicantUnitId + "'")));
    }

    /** The handler registered for the nearest unit up the tree from {@code unitId}, or the global one. */
    DecisionHandler handlerFor(String unitId) {
        if (!handlersByUnit.isEmpty()) {
            for (OrganisationUnit unit : organisations.pathToRoot(unitId)) {
                DecisionHandler handler = handlersByUnit.get(unit.id());
                if (handler != null) {
                    return handler;
                }
            }
        }
        return globalHandler;
    }

    /**
     * Key of the level-review process a review at {@code unitId} runs: the one registered for the nearest unit up
     * the tree, or TierFlow's {@code tierflowLevelReviewProcess}.
     */
    String levelReviewProcessFor(String unitId) {
        return levelReviews.processFor(unitId);
    }

    /** Keys of every level-review process reviews may run in: TierFlow's and the units' own. */
    public java.util.Set<String> levelReviewProcessKeys() {
        return levelReviews.keys();
    }

    LevelReviewVariants levelReviews() {
        return levelReviews;
    }

    /** Tells the host's listeners once the current transaction has committed; never if it rolls back. */
    void publishAfterCommit(NominationEvent event) {
        if (listeners.isEmpty()) {
            return;
        }
        Context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, commandContext -> {
            for (NominationListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("Nomination listener {} failed on {} of nomination {}", listener, event.type(),
                            event.nominationId(), e);
                }
            }
        });
    }

    /** Hands the notifications to the host's notifier once the current transaction has committed; never if it rolls back. */
    public void notifyAfterCommit(List<Notification> notifications) {
        if (notifier == null || notifications.isEmpty()) {
            return;
        }
        List<Notification> toSend = List.copyOf(notifications);
        Context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, commandContext -> {
            for (Notification notification : toSend) {
                try {
                    notifier.send(notification);
                } catch (RuntimeException e) {
                    LOG.warn("Notifier {} failed on {} to {} about nomination {}", notifier, notification.kind(),
                            notification.recipientId(), notification.nominationId(), e);
                }
            }
        });
    }
}
