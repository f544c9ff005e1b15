package org.tierflow.core.internal.selection;

import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.db.DbSqlSession;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.common.engine.impl.persistence.cache.EntityCache;
import org.hibernate.Session;

/**
 * Writes what the current engine command changed so far to its connection and forgets every cached entity,
 * without ending the transaction: a batch that works through thousands of items in one command stays linear.
 *
 * <p>Flowable keeps every entity a command loaded or wrote in the command's entity cache until the command ends,
 * and answers many lookups (an execution's variables, its child executions, a task's identity links, the running
 * activity instance) by scanning all cached entities of that type; Hibernate checks every managed entity for
 * changes before each query. Both grow with the batch, so each item would cost more than the one before. After a
 * checkpoint the caches are empty; later reads go to the database, on the same connection and in the same
 * transaction, so they see the flushed rows, and a rollback still undoes everything.
 *
 * <p>Only call it between items, with the engine's agenda empty (the outer command's own work running): no engine
 * operation may be under way and no caller may hold a Flowable or Hibernate entity across it and change it later
 * (it would no longer be written).
 */
final class CommandCheckpoint {

    private CommandCheckpoint() {
    }

    /**
     * Flushes TierFlow's Hibernate session and then the engine's SQL session (the order the command's own close
     * uses), then clears both caches.
     */
    static void flushAndForget(Session session) {
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null) {
            throw new IllegalStateException("a checkpoint is only possible inside an engine command");
        }
        session.flush();
        commandContext.getSession(DbSqlSession.class).flush();
        commandContext.getSession(EntityCache.class).getAllCachedEntities().clear();
        session.clear();
    }
}
