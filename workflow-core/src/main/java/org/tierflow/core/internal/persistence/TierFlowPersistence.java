package org.tierflow.core.internal.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flowable.common.engine.impl.cfg.TransactionContext;
import org.flowable.common.engine.impl.cfg.TransactionState;
import org.flowable.common.engine.impl.cfg.standalone.StandaloneMybatisTransactionContext;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.common.engine.impl.interceptor.CommandContextCloseListener;
import org.flowable.common.engine.impl.db.DbSqlSession;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * TierFlow's persistence: schema migrations (Flyway, own history table) and one Hibernate session per
 * Flowable command, opened on the command's own JDBC connection. TierFlow's writes therefore commit or roll
 * back with the engine's, whether the engine runs standalone or inside a Spring transaction.
 */
public final class TierFlowPersistence implements AutoCloseable {

    private static final String SESSION_ATTRIBUTE = TierFlowPersistence.class.getName() + ".session";

    private final SessionFactory sessionFactory;

    private TierFlowPersistence(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /** Migrates TierFlow's tables on this database, then boots Hibernate for them. */
    public static TierFlowPersistence start(DataSource dataSource) {
        Flyway.configure()
                .dataSource(migrationDataSource(dataSource))
                .locations("classpath:org/tierflow/db/migration")
                .table("tierflow_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                // Versions are handed out per feature, so a database may already hold a later one (V10) when an
                // earlier one (V9) arrives: apply it then instead of refusing to start.
                .outOfOrder(true)
                .load()
                .migrate();
        Configuration configuration = new Configuration()
                .addAnnotatedClass(NominationEntity.class)
                .addAnnotatedClass(ReviewRecordEntity.class)
                .addAnnotatedClass(TrainingHoursEntity.class)
                .addAnnotatedClass(CredentialEntity.class)
                .addAnnotatedClass(CredentialRevocationEntity.class);
        // Exam results (assessments).
        configuration.addAnnotatedClass(AssessmentResultEntity.class);
        // Phases of the work after selection (program B's projects).
        configuration.addAnnotatedClass(PhaseEntity.class);
        // Selection under quota: quotas, their use and allocations, rounds, scores.
        configuration
                .addAnnotatedClass(org.tierflow.core.internal.selection.QuotaEntity.class)
                .addAnnotatedClass(org.tierflow.core.internal.selection.QuotaUseEntity.class)
                .addAnnotatedClass(org.tierflow.core.internal.selection.QuotaAllocationEntity.class)
                .addAnnotatedClass(org.tierflow.core.internal.selection.SelectionRoundEntity.class)
                .addAnnotatedClass(org.tierflow.core.internal.selection.RoundSelectionEntity.class)
                .addAnnotatedClass(org.tierflow.core.internal.selection.StepScoreEntity.class);
        // Expert panels: assignments, score sheets, results.
        configuration
                .addAnnotatedClass(org.tierflow.core.internal.panel.PanelAssignmentEntity.class)
                .addAnnotatedClass(org.tierflow.core.internal.panel.PanelSubmissionEntity.class)
                .addAnnotatedClass(org.tierflow.core.internal.panel.PanelCriterionScoreEntity.class)
                .addAnnotatedClass(org.tierflow.core.internal.panel.PanelResultEntity.class);
        // Publicity: publications, their candidates, objections.
        configuration
                .addAnnotatedClass(org.tierflow.core.internal.publicity.PublicationEntity.class)
                .addAnnotatedClass(org.tierflow.core.internal.publicity.PublicityEntryEntity.class)
                .addAnnotatedClass(org.tierflow.core.internal.publicity.ObjectionEntity.class);
        // Yearly spot checks: the draws and their sampled items.
        configuration
                .addAnnotatedClass(SpotCheckEntity.class)
                .addAnnotatedClass(SpotCheckItemEntity.class);
        // After selection: life cycle, task book, acceptance, evaluation, moved deadlines.
        configuration
                .addAnnotatedClass(LifecycleEntity.class)
                .addAnnotatedClass(TaskBookEntity.class)
                .addAnnotatedClass(AcceptanceRoundEntity.class)
                .addAnnotatedClass(AcceptanceReviewEntity.class)
                .addAnnotatedClass(EvaluationScoreEntity.class)
                .addAnnotatedClass(DeadlineChangeEntity.class);
        configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        // Sessions run on the engine's connection inside the engine's transaction: Hibernate never commits.
        configuration.setProperty(AvailableSettings.ALLOW_UPDATE_OUTSIDE_TRANSACTION, "true");
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        configuration.setProperty(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        configuration.setProperty(AvailableSettings.SHOW_SQL, "false");
        return new TierFlowPersistence(configuration.buildSessionFactory());
    }

    /**
     * Flyway checks {@code isClosed()} on connections it has already closed; MyBatis' pool (what Flowable builds
     * from a bare JDBC URL) answers that with an exception Flyway logs as an error. Migrate on the pool's unpooled
     * source instead: the same database, plain connections.
     */
    private static DataSource migrationDataSource(DataSource dataSource) {
        return dataSource instanceof PooledDataSource pooled
                ? new UnpooledDataSource(pooled.getDriver(), pooled.getUrl(), pooled.getUsername(), pooled.getPassword())
                : dataSource;
    }

    /**
     * The session of the current Flowable command, opened on first use and flushed before the engine flushes
     * its own changes and commits.
     */
    public Session currentSession() {
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null) {
            throw new IllegalStateException("TierFlow records are only written inside an engine command");
        }
        Session session = (Session) commandContext.getAttribute(SESSION_ATTRIBUTE);
        if (session == null) {
            Connection connection = commandContext.getSession(DbSqlSession.class).getSqlSession().getConnection();
            Session opened = sessionFactory.withOptions().connection(connection).openSession();
            commandContext.addAttribute(SESSION_ATTRIBUTE, opened);
            completeWithEngineTransaction(connection);
            commandContext.addCloseListener(new CommandContextCloseListener() {
                @Override
                public void closing(CommandContext context) {
                    opened.flush();
                }

                @Override
                public void afterSessionsFlush(CommandContext context) {
                }

                @Override
                public void closed(CommandContext context) {
                    opened.close();
                }

                @Override
                public void closeFailure(CommandContext context) {
                    opened.close();
                }

                @Override
                public Integer order() {
                    return 0;
                }

                @Override
                public boolean multipleAllowed() {
                    return true;
                }
            });
            session = opened;
        }
        return session;
    }

    /**
     * Standalone, the engine's MyBatis session commits or rolls back only when MyBatis itself wrote, and
     * resetting auto-commit afterwards would silently commit TierFlow's writes even after a failure. So
     * TierFlow ends the connection's transaction itself, at the engine's commit or rollback. Under Spring
     * the transaction manager owns the connection and does this already.
     */
    private static void completeWithEngineTransaction(Connection connection) {
        TransactionContext transaction = Context.getTransactionContext();
        if (!(transaction instanceof StandaloneMybatisTransactionContext)) {
            return;
        }
        transaction.addTransactionListener(TransactionState.COMMITTING, commandContext -> run(connection::commit));
        transaction.addTransactionListener(TransactionState.ROLLINGBACK, commandContext -> run(connection::rollback));
    }

    private static void run(SqlAction action) {
        try {
            action.run();
        } catch (SQLException e) {
            throw new IllegalStateException("TierFlow could not end its transaction: " + e.getMessage(), e);
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
