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
}
