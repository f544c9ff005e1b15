package org.tierflow.core.api.program;

/** How an expert panel's scores for one candidate become one score. */
public enum ScoreAggregation {
    MEAN,
    MEDIAN,
    /** Mean after dropping the highest and the lowest score. */
    TRIMMED_MEAN
}
