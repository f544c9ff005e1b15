package org.tierflow.core.api;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.tierflow.core.api.program.LocalizedText;

/**
 * A BPMN model breaks TierFlow's BPMN contract (see {@code docs/reference/bpmn-contract.md}), so TierFlow
 * refused to deploy it. Carries every violation of every model, not only the first, so a process designer
 * fixes the models in one go. Nothing was deployed.
 */
public class BpmnContractException extends TierFlowException {

    private static final long serialVersionUID = 1L;

    /** The {@link #code()} of this exception. */
    public static final String CODE = "bpmn-contract";

    private final transient List<BpmnContractViolation> violations;

    /**
     * @param violations what is wrong, at least one, in resource and line order
     */
    public BpmnContractException(List<BpmnContractViolation> violations) {
        super(CODE, describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** Every violation found, in resource and line order. */
    public List<BpmnContractViolation> violations() {
        return violations;
    }

    /**
     * A header, then one violation per line:
     * {@code resource:line:column elementId: 中文说明 / English explanation}.
     */
    @Override
    public String getMessage() {
        return violations.stream().map(BpmnContractViolation::toString)
                .collect(Collectors.joining(System.lineSeparator(),
                        header(violations.size()).zh() + " / " + header(violations.size()).en() + System.lineSeparator(),
                        ""));
    }

    private static LocalizedText describe(List<BpmnContractViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a BpmnContractException needs at least one violation");
        }
        LocalizedText header = header(violations.size());
        return new LocalizedText(
                header.zh() + System.lineSeparator() + lines(violations, LocalizedText::zh),
                header.en() + System.lineSeparator() + lines(violations, LocalizedText::en));
    }

    private static LocalizedText header(int count) {
        return new LocalizedText(
                "BPMN 模型有 " + count + " 处违反 TierFlow 的流程约定，未部署任何模型：",
                "the BPMN models break TierFlow's BPMN contract in " + count + (count == 1 ? " place" : " places")
                        + "; nothing was deployed:");
    }

    private static String lines(List<BpmnContractViolation> violations, Function<LocalizedText, String> language) {
        return violations.stream()
                .map(v -> (v.line() > 0 ? v.resource() + ":" + v.line() + ":" + v.column() : v.resource())
                        + " " + v.elementId() + ": " + language.apply(v.message()))
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
