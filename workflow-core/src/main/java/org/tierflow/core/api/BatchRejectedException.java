package org.tierflow.core.api;

import java.util.List;
import java.util.stream.Collectors;

import org.tierflow.core.api.program.LocalizedText;

/** A batch selection was refused; every problem is listed. Nothing changed. */
public class BatchRejectedException extends InvalidRequestException {

    private final List<BatchItemProblem> problems;

    public BatchRejectedException(List<BatchItemProblem> problems) {
        super("batch-rejected", new LocalizedText(
                "本批遴选未执行，共 " + problems.size() + " 个问题：" + problems.stream()
                        .map(p -> (p.nominationId() == null ? "" : "申报 " + p.nominationId() + "：") + p.reason().zh())
                        .collect(Collectors.joining("；")),
                "the batch was not applied; " + problems.size() + " problem(s): " + problems.stream()
                        .map(p -> (p.nominationId() == null ? "" : "nomination " + p.nominationId() + ": ") + p.reason().en())
                        .collect(Collectors.joining("; "))));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order of the selection, whole-batch problems first. */
    public List<BatchItemProblem> problems() {
        return problems;
    }
}
