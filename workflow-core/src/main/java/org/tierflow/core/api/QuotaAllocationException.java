package org.tierflow.core.api;

import java.util.List;
import java.util.stream.Collectors;

import org.tierflow.core.api.program.LocalizedText;

/** A quota allocation was refused; every problem is listed. Nothing changed. */
public class QuotaAllocationException extends InvalidRequestException {

    private final List<AllocationProblem> problems;

    public QuotaAllocationException(List<AllocationProblem> problems) {
        super("invalid-allocation", new LocalizedText(
                "名额分配未执行：" + problems.stream().map(p -> p.reason().zh()).collect(Collectors.joining("；")),
                "the quota allocation was not applied: "
                        + problems.stream().map(p -> p.reason().en()).collect(Collectors.joining("; "))));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found. */
    public List<AllocationProblem> problems() {
        return problems;
    }
}
