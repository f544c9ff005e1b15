package org.tierflow.benchmarks;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * Seeds large databases by copying what the engine and TierFlow wrote for a few template nominations: every row of
 * every table that belongs to a template (its process instances, tasks, identity links, variables, byte arrays,
 * activity instances, runtime and history, and TierFlow's nomination, timeline, quota-use and inbox rows) is inserted
 * again with fresh ids, by {@code insert ... select} on the server. Nothing is invented: a copy holds exactly the
 * columns and values the engine wrote, only the ids differ. That is thousands of times faster than running the
 * engine, and as faithful.
 */
final class Cloner {

    /** Tables inserted first, in this order (foreign keys); the rest of ACT_* next, then TierFlow's nomination, then the rest. */
    private static final List<String> FIRST = List.of("ACT_GE_BYTEARRAY", "ACT_RU_EXECUTION", "ACT_RU_TASK");

    private final DataSource dataSource;
    private final List<String> tables;
    private final Map<String, List<String>> columnsByTable = new HashMap<>();
    private final Map<String, Set<String>> textColumns = new HashMap<>();
    private final boolean postgres;

    Cloner(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            this.postgres = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            List<String> names = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : names) {
                List<String> columns = new ArrayList<>();
                Set<String> texts = new HashSet<>();
                try (ResultSet rs = meta.getColumns(null, c.getSchema(), table, "%")) {
                    while (rs.next()) {
                        String column = rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT);
                        columns.add(column);
                        int type = rs.getInt("DATA_TYPE");
                        if (type == java.sql.Types.VARCHAR || type == java.sql.Types.CHAR || type == java.sql.Types.NVARCHAR) {
                            texts.add(column);
                        }
                    }
                }
                columnsByTable.put(table.toUpperCase(Locale.ROOT), columns);
                textColumns.put(table.toUpperCase(Locale.ROOT), texts);
            }
            this.tables = names.stream().map(n -> n.toUpperCase(Locale.ROOT))
                    .filter(n -> n.startsWith("ACT_") || n.startsWith("TIERFLOW_"))
                    .sorted((a, b) -> Integer.compare(rank(a), rank(b)))
                    .toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int rank(String table) {
        int first = FIRST.indexOf(table);
        if (first >= 0) return first;
        if (table.startsWith("ACT_")) return 10;
        if (table.equals("TIERFLOW_NOMINATION")) return 20;
        return 30;
    }

    /** Every row a nomination left in the database. */
    record Template(String nominationId, Map<String, List<Object[]>> rowsByTable, Set<String> ids) {
        int rowCount() {
            return rowsByTable.values().stream().mapToInt(List::size).sum();
        }
    }

    Template capture(String nominationId) {
        try (Connection c = dataSource.getConnection()) {
            Set<String> processIds = strings(c, "select ID_ from ACT_HI_PROCINST where BUSINESS_KEY_ = ?", List.of(nominationId));
            Set<String> taskIds = processIds.isEmpty() ? Set.of()
                    : strings(c, "select ID_ from ACT_HI_TASKINST where PROC_INST_ID_ in (" + marks(processIds) + ")", processIds);
            Map<String, List<Object[]>> rows = new LinkedHashMap<>();
            Set<String> byteArrays = new HashSet<>();
            for (String table : tables) {
                if (table.equals("ACT_GE_BYTEARRAY")) {
                    continue;
                }
                List<String> columns = columnsByTable.get(table);
                Map<Object, Object[]> found = new LinkedHashMap<>();
                if (table.equals("TIERFLOW_NOMINATION")) {
                    select(c, table, "ID", List.of(nominationId), found);
                } else if (columns.contains("NOMINATION_ID") && table.startsWith("TIERFLOW_")) {
                    select(c, table, "NOMINATION_ID", List.of(nominationId), found);
                }
                if (columns.contains("PROC_INST_ID_") && !processIds.isEmpty()) {
                    select(c, table, "PROC_INST_ID_", processIds, found);
                }
                if (columns.contains("TASK_ID_") && !taskIds.isEmpty()) {
                    select(c, table, "TASK_ID_", taskIds, found);
                }
                if (!found.isEmpty()) {
                    rows.put(table, new ArrayList<>(found.values()));
                    int bytes = columns.indexOf("BYTEARRAY_ID_");
                    if (bytes >= 0) {
                        found.values().stream().map(r -> r[bytes]).filter(v -> v != null).forEach(v -> byteArrays.add((String) v));
                    }
                }
            }
            if (!byteArrays.isEmpty()) {
                Map<Object, Object[]> found = new LinkedHashMap<>();
                select(c, "ACT_GE_BYTEARRAY", "ID_", byteArrays, found);
                Map<String, List<Object[]>> ordered = new LinkedHashMap<>();
                ordered.put("ACT_GE_BYTEARRAY", new ArrayList<>(found.values()));
                ordered.putAll(rows);
                rows = ordered;
            }
            if (rows.containsKey("ACT_RU_EXECUTION")) {
                rows.put("ACT_RU_EXECUTION", parentsFirst(rows.get("ACT_RU_EXECUTION"), columnsByTable.get("ACT_RU_EXECUTION")));
            }
            Set<String> ids = new HashSet<>();
            ids.add(nominationId);
            ids.addAll(processIds);
            ids.addAll(taskIds);
            rows.forEach((table, list) -> {
                int id = primaryKey(table);
                if (id >= 0) {
                    list.forEach(r -> ids.add(String.valueOf(r[id])));
                }
            });
            return new Template(nominationId, rows, ids);
        } catch (SQLException e) {
            throw new IllegalStateException("could not capture nomination " + nominationId, e);
        }
    }

    /**
     * Inserts copies number {@code first} to {@code first + copies - 1} of the template, on the database server:
     * one {@code insert ... select} per table (per row for executions, which reference each other) from the
     * template's rows crossed with a range of copy numbers. Every id of the template is replaced by its first 24
     * characters and the copy number in 12 digits (fits TierFlow's 36-character ids, unique per template and copy).
     */
    void copy(Template template, int copies, long first) {
        if (copies <= 0) {
            return;
        }
        String range = postgres ? "generate_series(" + first + ", " + (first + copies - 1) + ") as g(x)"
                : "system_range(" + first + ", " + (first + copies - 1) + ") g";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (var entry : template.rowsByTable().entrySet()) {
                String table = entry.getKey();
                List<String> columns = columnsByTable.get(table);
                List<String> expressions = new ArrayList<>();
                for (int col = 0; col < columns.size(); col++) {
                    expressions.add(expression(table, columns.get(col), idsIn(template, entry.getValue(), col)));
                }
                String select = String.join(", ", expressions);
                String key = columns.get(primaryKey(table));
                String head = "insert into " + table + " (" + String.join(", ", columns) + ") select " + select
                        + " from " + table + " t cross join " + range + " where t." + key;
                if (table.equals("ACT_RU_EXECUTION")) {
                    for (Object[] row : entry.getValue()) {
                        s.executeUpdate(head + " = '" + row[primaryKey(table)] + "'");
                    }
                } else {
                    s.executeUpdate(head + " in (" + entry.getValue().stream()
                            .map(r -> "'" + r[primaryKey(table)] + "'").collect(Collectors.joining(", ")) + ")");
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not copy nomination " + template.nominationId(), e);
        }
    }

    /**
     * The template's ids found in one column of its rows of one table, quoted for SQL. Only these can be replaced in
     * that column, so the statement names them instead of every id of the template (a short list instead of about
     * 140 ids per column: far less SQL to parse and compare, the same rows).
     */
    private static String idsIn(Template template, List<Object[]> rows, int column) {
        return rows.stream().map(r -> r[column]).filter(v -> v instanceof String id && template.ids().contains(id))
                .map(v -> "'" + ((String) v).replace("'", "''") + "'").distinct().collect(Collectors.joining(", "));
    }

    private String expression(String table, String column, String idList) {
        boolean idColumn = column.endsWith("ID_") || column.endsWith("ID") || column.equals("SUPER_EXEC_")
                || column.equals("BUSINESS_KEY_") || column.equals("TEXT_");
        if (!idColumn || !textColumns.get(table).contains(column) || idList.isEmpty()) {
            return "t." + column;
        }
        return "case when t." + column + " in (" + idList + ") then substr(t." + column + ", 1, 24) || lpad(cast(g.x as varchar), 12, '0') else t."
                + column + " end";
    }

    /**
     * TierFlow's rows that count other rows, quotas their uses and approvers' inbox counts their entries: bring them in
     * line with the copied rows.
     */
    void recount() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update tierflow_quota set used = (select count(*) from tierflow_quota_use u"
                    + " where u.quota_id = tierflow_quota.id and u.released_at is null)");
            s.executeUpdate("delete from tierflow_inbox_count");
            s.executeUpdate("insert into tierflow_inbox_count (user_id, claimed_count, unclaimed_count) select user_id,"
                    + " sum(case when claimed then 1 else 0 end), sum(case when claimed then 0 else 1 end)"
                    + " from tierflow_inbox group by user_id");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fresh statistics for the planner, as a production database would have after its autovacuum ran. */
    void analyze() {
        if (!postgres) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("analyze");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("vacuum analyze");
            // Write the seeding's dirty pages out now, not in the background while the next scenario is timed.
            s.execute("checkpoint");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int primaryKey(String table) {
        List<String> columns = columnsByTable.get(table);
        int id = columns.indexOf("ID_");
        if (id < 0) {
            id = columns.indexOf("ID");
        }
        // TierFlow's life-cycle, task-book and inbox rows are keyed by their nomination (copied: all rows of it)
        return id >= 0 ? id : columns.indexOf("NOMINATION_ID");
    }

    /** Executions whose parent, process instance or super execution is among them come after it. */
    private static List<Object[]> parentsFirst(List<Object[]> rows, List<String> columns) {
        int id = columns.indexOf("ID_");
        int[] refs = {columns.indexOf("PARENT_ID_"), columns.indexOf("PROC_INST_ID_"), columns.indexOf("SUPER_EXEC_")};
        List<Object[]> ordered = new ArrayList<>();
        Set<Object> placed = new HashSet<>();
        Set<Object> all = rows.stream().map(r -> r[id]).collect(Collectors.toSet());
        List<Object[]> left = new ArrayList<>(rows);
        while (!left.isEmpty()) {
            boolean progress = false;
            for (var it = left.iterator(); it.hasNext(); ) {
                Object[] row = it.next();
                boolean ready = true;
                for (int ref : refs) {
                    Object target = ref < 0 ? null : row[ref];
                    if (target != null && !target.equals(row[id]) && all.contains(target) && !placed.contains(target)) {
                        ready = false;
                    }
                }
                if (ready) {
                    ordered.add(row);
                    placed.add(row[id]);
                    it.remove();
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("executions reference each other in a cycle");
            }
        }
        return ordered;
    }

    private void select(Connection c, String table, String column, Collection<String> values, Map<Object, Object[]> into)
            throws SQLException {
        int key = primaryKey(table);
        try (PreparedStatement s = c.prepareStatement("select " + String.join(", ", columnsByTable.get(table))
                + " from " + table + " where " + column + " in (" + marks(values) + ")")) {
            int i = 1;
            for (String v : values) {
                s.setString(i++, v);
            }
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Object[] row = new Object[meta.getColumnCount()];
                    for (int col = 0; col < row.length; col++) {
                        row[col] = rs.getObject(col + 1);
                    }
                    // Rows keyed by their nomination (the inbox holds one per approver who sees the task) are kept whole.
                    boolean unique = key >= 0 && !columnsByTable.get(table).get(key).equals("NOMINATION_ID");
                    into.putIfAbsent(unique ? row[key] : java.util.Arrays.asList(row), row);  // rows may hold nulls
                }
            }
        }
    }

    private static Set<String> strings(Connection c, String sql, Collection<String> params) throws SQLException {
        Set<String> result = new LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (String p : params) {
                s.setString(i++, p);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        }
        return result;
    }

    private static String marks(Collection<?> values) {
        return values.stream().map(v -> "?").collect(Collectors.joining(", "));
    }
}
