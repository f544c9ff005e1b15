package org.tierflow.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

/**
 * Counts the SQL statements run through a data source (each batched row counts once, a commit does not): a
 * measure of work that, unlike time, does not depend on how loaded the machine is. With {@code timed}, it also
 * adds up, per SQL text, how often a statement ran and how long its executions took (the time spent in the
 * driver's {@code execute*} calls, reading the result set not included), to find the statements that grow with
 * the database.
 */
final class CountingDataSource {

    /** One SQL text: executions and the time they took. */
    record StatementTime(String sql, long executions, long nanos) {
        double millisPerExecution() {
            return executions == 0 ? 0 : nanos / 1e6 / executions;
        }
    }

    private final AtomicLong statements = new AtomicLong();
    private final DataSource counted;
    private final boolean timed;
    private final Map<String, LongAdder[]> times = new ConcurrentHashMap<>();

    CountingDataSource(DataSource target) {
        this(target, false);
    }

    CountingDataSource(DataSource target, boolean timed) {
        this.timed = timed;
        this.counted = proxy(DataSource.class, target, null);
    }

    DataSource dataSource() {
        return counted;
    }

    long statements() {
        return statements.get();
    }

    /** The timed statements since the last {@link #resetTimes()}, the most time first. */
    List<StatementTime> times() {
        List<StatementTime> list = new ArrayList<>();
        times.forEach((sql, t) -> list.add(new StatementTime(sql, t[0].sum(), t[1].sum())));
        list.sort(Comparator.comparingLong(StatementTime::nanos).reversed());
        return list;
    }

    void resetTimes() {
        times.clear();
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, T target, String preparedSql) {
        InvocationHandler handler = (proxy, method, args) -> {
            count(method);
            String name = method.getName();
            boolean execute = timed && name.startsWith("execute");
            long start = execute ? System.nanoTime() : 0;
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (execute) {
                    String sql = preparedSql != null ? preparedSql
                            : args != null && args.length > 0 && args[0] instanceof String s ? s : "(batch)";
                    LongAdder[] t = times.computeIfAbsent(sql, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
                    t[0].increment();
                    t[1].add(System.nanoTime() - start);
                }
            }
            if (result instanceof Connection c && method.getReturnType() == Connection.class) {
                return proxy(Connection.class, c, null);
            }
            if (result instanceof Statement s && Statement.class.isAssignableFrom(method.getReturnType())) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                return proxy((Class<Statement>) method.getReturnType(), s, sql);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private void count(Method method) {
        String name = method.getName();
        if (name.equals("addBatch") || (name.startsWith("execute") && !name.equals("executeBatch")
                && !name.equals("executeLargeBatch"))) {
            statements.incrementAndGet();
        }
    }
}
