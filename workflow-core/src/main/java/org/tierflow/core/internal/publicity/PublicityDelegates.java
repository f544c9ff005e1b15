package org.tierflow.core.internal.publicity;

import static org.tierflow.bpmn.TierFlowBpmn.DELEGATE_CLOSE_PUBLICITY;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_PUBLICATION_ID;

import java.util.Map;

import org.flowable.common.engine.impl.el.ReadOnlyMapELResolver;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** The publicity model's service task, by the bean name the model calls, resolved ahead of the host's beans. */
public final class PublicityDelegates {

    private PublicityDelegates() {
    }

    /** Registers {@code tierflowClosePublicity} with an engine configuration; call before the engine is built. */
    public static void register(ProcessEngineConfiguration configuration, DefaultPublicityService publicity) {
        if (!(configuration instanceof ProcessEngineConfigurationImpl impl)) {
            throw new IllegalArgumentException("TierFlow needs a ProcessEngineConfigurationImpl; got " + configuration.getClass());
        }
        JavaDelegate close = execution -> publicity.closeWhenDue((String) execution.getVariable(VAR_PUBLICATION_ID));
        impl.addPreBeanELResolver(new ReadOnlyMapELResolver(Map.of(DELEGATE_CLOSE_PUBLICITY, close)));
    }
}
