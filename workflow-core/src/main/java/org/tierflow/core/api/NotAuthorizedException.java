package org.tierflow.core.api;

import org.tierflow.core.api.program.LocalizedText;

/** The user may not do this: the directory does not let them act for that organisation and level. Nothing changed. */
public class NotAuthorizedException extends TierFlowException {

    public NotAuthorizedException(LocalizedText text) {
        super("not-authorized", text);
    }
}
