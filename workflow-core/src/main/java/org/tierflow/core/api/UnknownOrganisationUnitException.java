package org.tierflow.core.api;

import org.tierflow.core.api.program.LocalizedText;

/** Thrown when an id names no unit of the organisation directory. */
public class UnknownOrganisationUnitException extends TierFlowException {

    private final String unitId;

    public UnknownOrganisationUnitException(String unitId) {
        super("unknown-organisation-unit", new LocalizedText(
                "组织机构目录中没有 id 为 “" + unitId + "” 的组织单元",
                "the organisation directory has no unit with the id '" + unitId + "'"));
        this.unitId = unitId;
    }

    /** The id that was asked for. */
    public String unitId() {
        return unitId;
    }
}
