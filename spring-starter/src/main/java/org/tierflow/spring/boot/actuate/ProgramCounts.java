package org.tierflow.spring.boot.actuate;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

import org.tierflow.core.TierFlow;
import org.tierflow.core.api.program.ProgramDefinition;

/**
 * A count per program, taken for all programs at once and kept for the refresh interval, so a scrape that reads
 * one gauge per program queries the engine once per interval, not once per gauge.
 */
final class ProgramCounts {

    private final TierFlow tierFlow;
    private final ToLongFunction<String> countOfProgram;
    private final long refreshNanos;
    private final LongSupplier nanoClock;
    private Map<String, Long> counts = Map.of();
    private long countedAt;
    private boolean counted;

    ProgramCounts(TierFlow tierFlow, ToLongFunction<String> countOfProgram, long refreshNanos, LongSupplier nanoClock) {
        this.tierFlow = tierFlow;
        this.countOfProgram = countOfProgram;
        this.refreshNanos = refreshNanos;
        this.nanoClock = nanoClock;
    }

    /** The program's count; NaN while TierFlow is not started. */
    double of(String programCode) {
        if (!tierFlow.isStarted()) {
            return Double.NaN;
        }
        return snapshot().getOrDefault(programCode, 0L);
    }

    private synchronized Map<String, Long> snapshot() {
        long now = nanoClock.getAsLong();
        if (!counted || now - countedAt >= refreshNanos) {
            Map<String, Long> fresh = new HashMap<>();
            for (ProgramDefinition program : tierFlow.programs().programs()) {
                fresh.put(program.code(), countOfProgram.applyAsLong(program.code()));
            }
            counts = Map.copyOf(fresh);
            countedAt = now;
            counted = true;
        }
        return counts;
    }
}
