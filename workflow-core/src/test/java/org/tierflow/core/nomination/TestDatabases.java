package org.tierflow.core.nomination;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Real databases for tests: a fresh in-memory H2, or a PostgreSQL server started from a Maven artifact. */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static HikariDataSource h2(String name) {
        return pooled("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    public static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    public static HikariDataSource pooled(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    /** Rows of a table matching a where clause, counted over plain JDBC (outside any engine command). */
    public static long count(javax.sql.DataSource dataSource, String table, String where, Object... parameters) {
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("select count(*) from " + table + " where " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
