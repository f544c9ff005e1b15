package org.tierflow.spring.boot.web;

import org.tierflow.core.api.TierFlowException;
import org.tierflow.core.api.program.LocalizedText;

/** A TierFlow endpoint that needs a caller was called without a user principal. Answered with 401. */
class NotAuthenticatedException extends TierFlowException {

    static final String CODE = "not-authenticated";

    NotAuthenticatedException() {
        super(CODE, new LocalizedText("请先登录：此操作需要确认调用者身份",
                "sign in first: this call needs to know who is calling"));
    }
}
