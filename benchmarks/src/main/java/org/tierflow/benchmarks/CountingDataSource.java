package org.tierflow.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

/**
 * Counts the SQL statements run through a data source (each batched row counts once, a commit does not): a
 * measure of work that, unlike time, does not depend on how loaded the machine is.
 */
final class CountingDataSource {

    private final AtomicLong statements = new AtomicLong();
    private final DataSource counted;

    CountingDataSource(DataSource target) {
        this.counted = proxy(DataSource.class, target);
    }

    DataSource dataSource() {
        return counted;
    }

    long statements() {
        return statements.get();
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, args) -> {
            count(method);
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection c && method.getReturnType() == Connection.class) {
                return proxy(Connection.class, c);
            }
            if (result instanceof Statement s && Statement.class.isAssignableFrom(method.getReturnType())) {
                return proxy((Class<Statement>) method.getReturnType(), s);
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
