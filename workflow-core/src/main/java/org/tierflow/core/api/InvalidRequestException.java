package org.tierflow.core.api;

import org.tierflow.core.api.program.LocalizedText;

/** The request is malformed or does not fit the nomination's current state. Nothing changed. */
public class InvalidRequestException extends TierFlowException {

    public InvalidRequestException(String code, LocalizedText text) {
        super(code, text);
    }
}
