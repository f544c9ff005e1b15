package org.tierflow.core.api;

import org.tierflow.core.api.program.LocalizedText;

/**
 * Someone else changed the same nomination or review at the same moment (two approvers deciding one review,
 * say). Nothing of this call was applied; reload and try again.
 */
public class ConcurrentChangeException extends TierFlowException {

    public ConcurrentChangeException(Throwable cause) {
        super("concurrent-change", new LocalizedText(
                "该申报刚刚被他人修改，本次操作未生效，请刷新后重试",
                "someone else changed this nomination at the same moment; nothing was applied — reload and try again"), cause);
    }
}
