package org.tierflow.core.api;

import org.tierflow.core.api.program.LocalizedText;

/**
 * A pass would exceed a unit's quota (or the tier's total). Nothing changed.
 */
public class QuotaExceededException extends TierFlowException {

    private final String programCode;
    private final String tierCode;
    private final String unitId;
    private final int allocated;
    private final int used;

    public QuotaExceededException(String programCode, String tierCode, String unitId, LocalizedText unitName,
                                  LocalizedText tierName, int allocated, int used) {
        super("quota-full", new LocalizedText(
                unitName.zh() + "（" + unitId + "）在“" + tierName.zh() + "”中的名额已满：分配 " + allocated + " 名，已用 "
                        + used + " 名，不能再通过",
                unitName.en() + " (" + unitId + ") has no quota left in '" + tierName.en() + "': " + allocated
                        + " allocated, " + used + " used; no more can be passed on"));
        this.programCode = programCode;
        this.tierCode = tierCode;
        this.unitId = unitId;
        this.allocated = allocated;
        this.used = used;
    }

    public String programCode() {
        return programCode;
    }

    public String tierCode() {
        return tierCode;
    }

    /** The unit whose quota is full; for the tier's total, the top unit of the chain. */
    public String unitId() {
        return unitId;
    }

    public int allocated() {
        return allocated;
    }

    public int used() {
        return used;
    }
}
