package org.tierflow.core.api;

import java.util.Collection;

/** Thrown when a program code names no loaded program. */
public class UnknownProgramException extends RuntimeException {

    private final String code;

    public UnknownProgramException(String code, Collection<String> knownCodes) {
        super("没有代码为 “" + code + "” 的培养方案，已加载：" + knownCodes
                + " / no program with the code '" + code + "'; loaded: " + knownCodes);
        this.code = code;
    }

    /** The code that was asked for. */
    public String code() {
        return code;
    }
}
