package org.tierflow.core.api;

import java.util.Collection;

import org.tierflow.core.api.program.LocalizedText;

/** Thrown when a program code names no loaded program. */
public class UnknownProgramException extends TierFlowException {

    private final String programCode;

    public UnknownProgramException(String programCode, Collection<String> knownCodes) {
        super("unknown-program", new LocalizedText(
                "没有代码为 “" + programCode + "” 的培养方案，已加载：" + knownCodes,
                "no program with the code '" + programCode + "'; loaded: " + knownCodes));
        this.programCode = programCode;
    }

    /** The program code that was asked for. */
    public String programCode() {
        return programCode;
    }
}
