package org.tierflow.core.internal.persistence;

import java.sql.SQLException;

/** What a database failure means, the same on H2 and PostgreSQL. */
public final class DatabaseErrors {

    /** SQL state of a unique-key violation on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private DatabaseErrors() {
    }

    /** Whether the failure, or one of its causes, is a unique-key violation (a twin request stored its row first). */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the failure is two transactions numbering an entry of the same nomination's timeline alike: both
     * appended to it at once, and the second must give way like any other concurrent change (the timeline's unique
     * (nomination_id, seq) constraint, named so on H2 and PostgreSQL).
     */
    public static boolean isTimelineSequenceClash(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()) && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("tierflow_review_record_seq")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the failure is a second use of one quota row by one nomination (the quota-use table's unique
     * (quota_id, nomination_id) constraint, named so on H2 and PostgreSQL): two decisions on the same nomination
     * at once, and the second must give way like any other concurrent change.
     */
    public static boolean isQuotaUseClash(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()) && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("tierflow_quota_use_once")) {
                return true;
            }
        }
        return false;
    }
}
