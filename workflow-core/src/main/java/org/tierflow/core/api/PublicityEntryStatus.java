package org.tierflow.core.api;

import org.tierflow.core.api.program.LocalizedText;

/** Where a published candidate stands in the publicity (公示). */
public enum PublicityEntryStatus {
    /** Published: the period runs, or it has ended and an objection is still open. */
    PUBLISHED(new LocalizedText("公示中", "under publicity")),
    /** The period ended with no open objection: the selection is final. */
    CONFIRMED(new LocalizedText("公示无异议，已确认", "confirmed")),
    /** An objection was upheld: the candidate was removed and its quota slot released. */
    REMOVED(new LocalizedText("异议成立，已取消入选", "removed after an upheld objection"));

    private final LocalizedText label;

    PublicityEntryStatus(LocalizedText label) {
        this.label = label;
    }

    /** The status as people read it. */
    public LocalizedText label() {
        return label;
    }
}
