package org.tierflow.core.api;

import org.tierflow.core.api.program.LocalizedText;

/** The nomination or task asked for does not exist (or is no longer open). */
public class NotFoundException extends TierFlowException {

    public NotFoundException(LocalizedText text) {
        super("not-found", text);
    }
}
