package org.tierflow.spring.boot.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of TierFlow's Micrometer meters ({@code tierflow.metrics.*}); see {@code docs/reference/properties.md}.
 */
@ConfigurationProperties("tierflow.metrics")
public class TierFlowMetricsProperties {

    /**
     * How long a review may wait for a decision before the tierflow.reviews.overdue gauge counts it, for review
     * tasks without a due date of their own (a review task with a due date is overdue once that date has passed).
     */
    private final Duration reviewOverdueAfter;

    /**
     * How long the counts behind TierFlow's database-backed gauges (overdue reviews, quota usage) are reused before
     * they are read again, however often the registry polls.
     */
    private final Duration refreshInterval;

    public TierFlowMetricsProperties(@DefaultValue("14d") Duration reviewOverdueAfter,
                                     @DefaultValue("30s") Duration refreshInterval) {
        this.reviewOverdueAfter = reviewOverdueAfter;
        this.refreshInterval = refreshInterval;
    }

    public Duration getReviewOverdueAfter() {
        return reviewOverdueAfter;
    }

    public Duration getRefreshInterval() {
        return refreshInterval;
    }
}
