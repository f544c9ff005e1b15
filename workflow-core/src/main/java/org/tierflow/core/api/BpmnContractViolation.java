package org.tierflow.core.api;

import java.util.Objects;

import org.tierflow.core.api.program.LocalizedText;

/**
 * One place where a BPMN model breaks TierFlow's BPMN contract, in the words of the process designer who
 * edits the model.
 *
 * @param resource  the resource name the model was deployed under, e.g. {@code custom/tierflowLevelReviewProcess.bpmn20.xml}
 * @param line      1-based line of the offending element, or 0 when the violation has no position
 * @param column    1-based column of the offending element, or 0 when the violation has no position
 * @param elementId id of the offending element (or of the missing one); {@code (xml)} for an XML or schema error
 * @param rule      stable code of the broken rule, e.g. {@code script-task} or {@code unknown-delegate}
 * @param message   what the element must do and why, in Chinese and English
 */
public record BpmnContractViolation(String resource, int line, int column, String elementId, String rule,
                                    LocalizedText message) {

    public BpmnContractViolation {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(elementId, "elementId");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The violation as a compiler would print it:
     * {@code custom/review.bpmn20.xml:27:56 Task_reviewNomination: Task_reviewNomination 必须是用户任务… / Task_reviewNomination must stay a user task…}.
     */
    @Override
    public String toString() {
        String where = line > 0 ? resource + ":" + line + ":" + column : resource;
        return where + " " + elementId + ": " + message.zh() + " / " + message.en();
    }
}
