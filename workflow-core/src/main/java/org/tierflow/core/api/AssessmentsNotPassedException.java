package org.tierflow.core.api;

import java.util.List;

import org.tierflow.core.api.program.LocalizedText;

/**
 * The deciding level cannot pass a candidate who lacks a passing result in an assessment (exam) of the tier.
 * Nothing changed. Like a handler's veto, a selection round skips such a candidate when promoting from its waitlist.
 */
public class AssessmentsNotPassedException extends DecisionVetoedException {

    private final String nominationId;
    private final List<String> missing;
    private final List<String> failed;

    public AssessmentsNotPassedException(String nominationId, List<String> missing, List<String> failed,
                                         LocalizedText reason) {
        super("assessments-not-passed", reason);
        this.nominationId = nominationId;
        this.missing = List.copyOf(missing);
        this.failed = List.copyOf(failed);
    }

    public String nominationId() {
        return nominationId;
    }

    /** Codes of the assessments with no result yet. */
    public List<String> missing() {
        return missing;
    }

    /** Codes of the assessments whose latest result is below the pass mark. */
    public List<String> failed() {
        return failed;
    }
}
