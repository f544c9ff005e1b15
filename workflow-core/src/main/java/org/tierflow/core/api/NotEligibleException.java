package org.tierflow.core.api;

import java.util.List;
import java.util.stream.Collectors;

import org.tierflow.core.api.program.LocalizedText;

/** The submission fails one or more eligibility rules; every failed rule is listed. Nothing was saved. */
public class NotEligibleException extends TierFlowException {

    private final List<EligibilityFailure> failures;

    public NotEligibleException(List<EligibilityFailure> failures) {
        super("not-eligible", new LocalizedText(
                "不符合申报条件：" + failures.stream().map(f -> f.reason().zh()).collect(Collectors.joining("；")),
                "not eligible: " + failures.stream().map(f -> f.reason().en()).collect(Collectors.joining("; "))));
        this.failures = List.copyOf(failures);
    }

    /** Every rule the submission failed. */
    public List<EligibilityFailure> failures() {
        return failures;
    }
}
