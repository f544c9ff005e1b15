package org.tierflow.core.api;

/**
 * Where a spot check stands: the draw with every sampled item and finding, and the counts.
 *
 * @param spotCheck         the draw, its items and their findings
 * @param candidatesSampled candidates sampled
 * @param unitsSampled      units sampled
 * @param completed         audits completed
 * @param open              audits still open
 * @param ok                audits that found nothing wrong
 * @param issues            audits that found issues
 */
public record SpotCheckReport(SpotCheck spotCheck, int candidatesSampled, int unitsSampled, int completed, int open,
                              int ok, int issues) {

    /** Whether every sampled item has been audited. */
    public boolean isComplete() {
        return open == 0;
    }
}
