package org.tierflow.core.internal.engine;

import java.util.ArrayList;
import java.util.List;

import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.ExtensionElement;
import org.flowable.bpmn.model.Process;
import org.flowable.engine.impl.bpmn.parser.BpmnParse;
import org.flowable.engine.impl.bpmn.parser.handler.AbstractBpmnParseHandler;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.parse.BpmnParseHandler;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.ProcessHistory;

/**
 * Gives TierFlow's processes ({@link TierFlowBpmn#PROCESSES}) the history level of {@link ProcessHistory} when the
 * engine parses their models, as if each process declared {@code <flowable:historyLevel>}.
 *
 * <p>Why: every nomination runs its nomination process and one level review per level, and at the engine's
 * {@code audit} level each of their variables, activities and candidate links gets a history row — about 150 rows
 * per nomination through four levels — repeating what TierFlow records itself. Parsing is where Flowable reads a
 * definition's level from, so the level also holds after a restart (the engine parses again) and for a designer's
 * replacement of a shipped model. A model that declares its own level keeps it.
 */
final class ProcessHistoryLevel extends AbstractBpmnParseHandler<Process> {

    /** Name of Flowable's process extension element for a definition's own history level. */
    static final String ELEMENT = "historyLevel";

    private final String level;

    private ProcessHistoryLevel(String level) {
        this.level = level;
    }

    /** Applies {@code history} to TierFlow's processes on engines built from this configuration. */
    static void apply(ProcessEngineConfigurationImpl configuration, ProcessHistory history) {
        if (history == ProcessHistory.ENGINE) {
            return;
        }
        // Off by default in Flowable: without it the engine ignores every definition's own level.
        configuration.setEnableProcessDefinitionHistoryLevel(true);
        List<BpmnParseHandler> handlers = configuration.getPostBpmnParseHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getPostBpmnParseHandlers());
        handlers.add(new ProcessHistoryLevel(history.flowableKey()));
        configuration.setPostBpmnParseHandlers(handlers);
    }

    @Override
    protected Class<? extends BaseElement> getHandledType() {
        return Process.class;
    }

    @Override
    protected void executeParse(BpmnParse bpmnParse, Process process) {
        if (!TierFlowBpmn.PROCESSES.contains(process.getId()) || process.getExtensionElements().containsKey(ELEMENT)) {
            return;
        }
        ExtensionElement element = new ExtensionElement();
        element.setNamespace("http://flowable.org/bpmn");
        element.setNamespacePrefix("flowable");
        element.setName(ELEMENT);
        element.setElementText(level);
        process.addExtensionElement(element);
    }
}
