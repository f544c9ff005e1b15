package org.tierflow.spring.boot.autoconfigure;

import org.flowable.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.tierflow.core.TierFlow;

/**
 * Starts TierFlow on the context's process engine once every singleton is created: after the engine was built
 * with TierFlow's configurer, before lifecycle beans start (Flowable's async executor among them), so no timer
 * runs before TierFlow is ready.
 */
final class TierFlowStarter implements SmartInitializingSingleton {

    private final TierFlow tierFlow;

    private final ObjectProvider<ProcessEngine> processEngine;

    TierFlowStarter(TierFlow tierFlow, ObjectProvider<ProcessEngine> processEngine) {
        this.tierFlow = tierFlow;
        this.processEngine = processEngine;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!tierFlow.isStarted()) {
            ProcessEngine engine = processEngine.getIfAvailable();
            if (engine == null) {
                throw new IllegalStateException("TierFlow 需要 Flowable 流程引擎，但上下文中没有 ProcessEngine（flowable.process.enabled=false？）"
                        + " / TierFlow needs Flowable's process engine, but the context has no ProcessEngine"
                        + " (is flowable.process.enabled=false?)");
            }
            tierFlow.start(engine);
        }
    }
}
