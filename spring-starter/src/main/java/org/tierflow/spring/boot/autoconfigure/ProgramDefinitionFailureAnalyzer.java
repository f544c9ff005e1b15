package org.tierflow.spring.boot.autoconfigure;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.tierflow.core.api.program.ProgramDefinitionException;

/**
 * Turns invalid program definitions at start-up into a report that lists every problem with its file,
 * line and field, instead of a stack trace.
 */
class ProgramDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<ProgramDefinitionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProgramDefinitionException cause) {
        String description = "TierFlow 培养方案定义有误 / TierFlow program definitions are invalid:\n"
                + cause.problems().stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
        String action = "修正上述文件中的字段，或调整 tierflow.programs.locations。"
                + " / Fix the fields named above, or change tierflow.programs.locations.";
        return new FailureAnalysis(description, action, cause);
    }
}
