package org.tierflow.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A kind of database the benchmarks run on. Every engine gets a database of its own (Flowable and Camunda 7 both
 * name their tables ACT_*): a fresh in-memory H2, or a fresh database on one embedded PostgreSQL server.
 */
public enum BenchDatabase {

    H2, POSTGRES;

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    /** A new, empty database of this kind, pooled. */
    public HikariDataSource create(String purpose) {
        String name = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_" + COUNTER.incrementAndGet();
        return switch (this) {
            case H2 -> pooled("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
            case POSTGRES -> {
                EmbeddedPostgres server = server();
                try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("create database " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException("could not create database " + name, e);
                }
                yield pooled(server.getJdbcUrl("postgres", name) + "&reWriteBatchedInserts=true", "postgres", "postgres");
            }
        };
    }

    /** Drops what {@link #create} made (the H2 database is dropped by shutting it down). */
    public void drop(HikariDataSource dataSource) {
        if (this == H2) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("shutdown");
            } catch (SQLException e) {
                // already gone
            }
        }
        String url = dataSource.getJdbcUrl();
        dataSource.close();
        if (this == POSTGRES) {
            String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
            try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop database " + name, e);
            }
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                // io.zonky's settings, as in workflow-core's tests (fsync and synchronous commit off: a commit does
                // not wait for the disk, which would measure the disk, not the engines), and a larger buffer cache.
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("shared_buffers", "512MB")
                        .setServerConfig("work_mem", "16MB")
                        .setServerConfig("max_connections", "100")
                        // Seeding writes tens of millions of rows: without crash safety to keep (fsync is off),
                        // full-page images in the WAL and checkpoints every gigabyte of it are only cost.
                        .setServerConfig("full_page_writes", "off")
                        // Up to this much WAL stays on disk between checkpoints: -Dbench.maxWalSize=2GB where
                        // the disk is short (a 1M run: a 30.7 GB database, about 50 GB of disk at its peak with 16GB).
                        .setServerConfig("max_wal_size", System.getProperty("bench.maxWalSize", "16GB"))
                        .setServerConfig("checkpoint_timeout", "1h")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // exiting anyway
                }
            }));
        }
        return postgres;
    }

    private static HikariDataSource pooled(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    /** "H2 2.3.232 (2024-08-11)" or "PostgreSQL 14.19". */
    public static String version(javax.sql.DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unknown";
        }
    }
}
