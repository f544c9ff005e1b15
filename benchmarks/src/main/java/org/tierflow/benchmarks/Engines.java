package org.tierflow.benchmarks;

import java.util.List;

import javax.sql.DataSource;

import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.tierflow.core.ProgramDefinitionLoader;
import org.tierflow.core.api.ProgramCatalog;

/** What every contender shares: the host's engine configuration, the benchmark program. */
public final class Engines {

    public static final String PROGRAM = "benchmark-national";
    public static final String TIER = "teacher";
    public static final String BATCH_TIER = "batch-teacher";

    private Engines() {
    }

    /**
     * The Flowable configuration a host writes, the same for TierFlow and for plain Flowable: history at audit
     * level (what the timeline of a review needs), no async executor (nothing in the chain is asynchronous).
     */
    public static StandaloneProcessEngineConfiguration flowableConfiguration(DataSource dataSource) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setAsyncExecutorActivate(false);
        configuration.setHistoryLevel(HistoryLevel.AUDIT);
        return configuration;
    }

    public static ProgramCatalog programs() {
        return ProgramCatalog.of(List.of(ProgramDefinitionLoader.loadClasspath(
                "org/tierflow/benchmarks/benchmark-national-program.yaml")));
    }
}
