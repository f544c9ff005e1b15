package org.tierflow.core.internal.selection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each approver's number of inbox entries, claimed and unclaimed (table {@code tierflow_inbox_count}, migration V14),
 * so an inbox's total is one row whatever the number of open reviews. Whoever adds or removes {@code tierflow_inbox}
 * rows collects the changes here and writes them in the same transaction.
 *
 * <p>Changes are summed per user and written in user-id order: two transactions that touch the same approvers lock
 * their rows in the same order and cannot deadlock on them. A row is created on an approver's first entry and kept
 * (at zero) afterwards.
 */
public final class InboxCounts {

    /** Per user: the change to {claimed, unclaimed}. Sorted: the lock order. */
    private final Map<String, long[]> changes = new TreeMap<>();

    /**
     * The statement that deletes the inbox entries {@code condition} selects and returns the deleted rows' user and
     * claimed flag, for {@link #subtract}: PostgreSQL's {@code delete ... returning}, H2's {@code old table}. What
     * is taken off the counts is exactly what was deleted, whatever another transaction did in between.
     */
    public static String deleteReturning(String databaseType, String condition) {
        String delete = "delete from tierflow_inbox where " + condition;
        return "postgres".equals(databaseType) ? delete + " returning user_id, claimed"
                : "select user_id, claimed from old table (" + delete + ")";
    }

    /** Runs a prepared {@link #deleteReturning} statement and takes what it deleted off the counts. */
    public void subtract(PreparedStatement deleteReturning) throws SQLException {
        try (ResultSet rows = deleteReturning.executeQuery()) {
            while (rows.next()) {
                add(rows.getString(1), rows.getBoolean(2), -1);
            }
        }
    }

    /** One entry of {@code userId}'s added ({@code delta > 0}) or removed ({@code delta < 0}). */
    public void add(String userId, boolean claimed, long delta) {
        changes.computeIfAbsent(userId, id -> new long[2])[claimed ? 0 : 1] += delta;
    }

    /**
     * Writes the collected changes on the transaction's connection.
     *
     * @param databaseType Flowable's name of the database ({@code postgres}, {@code h2}): PostgreSQL adds to a row or
     *                     creates it in one statement; elsewhere a row is updated, and inserted when there is none
     */
    public void write(Connection connection, String databaseType) throws SQLException {
        if ("postgres".equals(databaseType)) {
            upsertAll(connection);
        } else {
            updateOrInsertAll(connection);
        }
        changes.clear();
    }

    private void upsertAll(Connection connection) throws SQLException {
        boolean any = false;
        try (PreparedStatement upsert = connection.prepareStatement("insert into tierflow_inbox_count (user_id,"
                + " claimed_count, unclaimed_count) values (?, ?, ?) on conflict (user_id) do update set"
                + " claimed_count = tierflow_inbox_count.claimed_count + excluded.claimed_count,"
                + " unclaimed_count = tierflow_inbox_count.unclaimed_count + excluded.unclaimed_count")) {
            for (Map.Entry<String, long[]> change : changes.entrySet()) {
                long[] delta = change.getValue();
                if (delta[0] != 0 || delta[1] != 0) {
                    upsert.setString(1, change.getKey());
                    upsert.setLong(2, delta[0]);
                    upsert.setLong(3, delta[1]);
                    upsert.addBatch();
                    any = true;
                }
            }
            if (any) {
                upsert.executeBatch();
            }
        }
    }

    /**
     * An update per approver, and an insert for an approver without a row. When another transaction inserted the
     * same approver's first row at the same time, the insert fails on the key (H2 rolls back only that statement)
     * and the update is run again, now finding the row.
     */
    private void updateOrInsertAll(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update tierflow_inbox_count set claimed_count ="
                + " claimed_count + ?, unclaimed_count = unclaimed_count + ? where user_id = ?")) {
            for (Map.Entry<String, long[]> change : changes.entrySet()) {
                long[] delta = change.getValue();
                if (delta[0] == 0 && delta[1] == 0) {
                    continue;
                }
                update.setLong(1, delta[0]);
                update.setLong(2, delta[1]);
                update.setString(3, change.getKey());
                if (update.executeUpdate() > 0) {
                    continue;
                }
                try (PreparedStatement insert = connection.prepareStatement("insert into tierflow_inbox_count"
                        + " (user_id, claimed_count, unclaimed_count) values (?, ?, ?)")) {
                    insert.setString(1, change.getKey());
                    insert.setLong(2, delta[0]);
                    insert.setLong(3, delta[1]);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState()) || update.executeUpdate() == 0) {
                        throw e;
                    }
                }
            }
        }
    }

    /**
     * How many entries {@code userId}'s inbox holds: claimed ones ({@code claimed} true), unclaimed ones (false) or
     * all ({@code null}).
     */
    public static long read(Connection connection, String userId, Boolean claimed) throws SQLException {
        String column = claimed == null ? "claimed_count + unclaimed_count" : claimed ? "claimed_count" : "unclaimed_count";
        try (PreparedStatement query = connection.prepareStatement("select " + column
                + " from tierflow_inbox_count where user_id = ?")) {
            query.setString(1, userId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }
}
