package org.tierflow.core.internal.lifecycle;

import org.flowable.common.engine.impl.el.ReadOnlyMapELResolver;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.tierflow.core.api.AcceptanceService;
import org.tierflow.core.api.EvaluationService;
import org.tierflow.core.api.LifecycleService;
import org.tierflow.core.api.TaskBookService;
import org.tierflow.core.internal.engine.TierFlowRuntime;

/** The life cycle after selection: its services, and its delegates for the engine. Built once per TierFlow. */
public final class LifecycleModule {

    private final LifecycleDelegates delegates;
    private final DefaultLifecycleService lifecycle;
    private final TaskBookService taskBooks;
    private final AcceptanceService acceptance;
    private final EvaluationService evaluations;

    public LifecycleModule(TierFlowRuntime runtime) {
        LifecycleSupport support = new LifecycleSupport(runtime);
        PhaseSteps phases = new PhaseSteps(support);
        this.delegates = new LifecycleDelegates(support, phases);
        this.lifecycle = new DefaultLifecycleService(support, phases);
        this.taskBooks = new DefaultTaskBookService(support);
        this.acceptance = new DefaultAcceptanceService(support, lifecycle);
        this.evaluations = new DefaultEvaluationService(support);
    }

    /** Makes the life-cycle models' delegate expressions resolve to these delegates, ahead of the host's beans. */
    public void configure(ProcessEngineConfiguration configuration) {
        if (!(configuration instanceof ProcessEngineConfigurationImpl impl)) {
            throw new IllegalArgumentException("TierFlow needs a ProcessEngineConfigurationImpl; got " + configuration.getClass());
        }
        impl.addPreBeanELResolver(new ReadOnlyMapELResolver(delegates.byBeanName()));
    }

    public LifecycleService lifecycle() {
        return lifecycle;
    }

    public TaskBookService taskBooks() {
        return taskBooks;
    }

    public AcceptanceService acceptance() {
        return acceptance;
    }

    public EvaluationService evaluations() {
        return evaluations;
    }
}
