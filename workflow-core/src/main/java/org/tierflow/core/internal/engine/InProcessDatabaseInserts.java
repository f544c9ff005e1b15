package org.tierflow.core.internal.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;

import org.flowable.common.engine.impl.AbstractEngineConfiguration;
import org.flowable.common.engine.impl.EngineConfigurator;

/**
 * Turns off Flowable's multi-row inserts when the engine's database runs inside the JVM (H2 in memory or in a
 * file; not H2 in server mode): the engine then writes one prepared insert per row, as it does for single rows.
 *
 * <p>Why: Flowable builds each multi-row insert with MyBatis' dynamic SQL, which writes and parses the statement's
 * text again for every row on every flush — a third of the CPU of a level-review decision on H2. That pays off
 * where a statement costs a network round trip (PostgreSQL, measured: bulk inserts stay on there); an in-process
 * database answers a statement without one, so the static per-row insert, parsed once when the engine starts, is
 * cheaper (scenario a of the benchmarks, docs/reference/performance.md).
 *
 * <p>Runs after the engine's initialisation, when the database type is known and every service has registered
 * its bulk-insertable entities.
 */
final class InProcessDatabaseInserts implements EngineConfigurator {

    @Override
    public void beforeInit(AbstractEngineConfiguration configuration) {
    }

    @Override
    public void configure(AbstractEngineConfiguration configuration) {
        if (AbstractEngineConfiguration.DATABASE_TYPE_H2.equals(configuration.getDatabaseType())
                && inProcess(configuration) && configuration.getDbSqlSessionFactory() != null) {
            configuration.getDbSqlSessionFactory().setBulkInserteableEntityClasses(new HashSet<>());
        }
    }

    /** Whether the H2 database is embedded, not reached through H2's TCP server. */
    private static boolean inProcess(AbstractEngineConfiguration configuration) {
        try (Connection connection = configuration.getDataSource().getConnection()) {
            String url = connection.getMetaData().getURL();
            return url != null && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public int getPriority() {
        return 10_000;
    }
}
