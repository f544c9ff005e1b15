package org.tierflow.core.spi;

import java.util.Objects;

import org.tierflow.core.api.program.LocalizedText;

/**
 * One message for one person, handed to the host's {@link Notifier} after the transaction committed.
 *
 * @param recipientId  the user to tell: a candidate reviewer or the applicant
 * @param kind         why
 * @param nominationId the nomination it is about
 * @param programCode  its program
 * @param tierCode     its tier
 * @param subject      a short subject line, in Chinese and English
 * @param body         the message, in Chinese and English
 */
public record Notification(String recipientId, NotificationKind kind, String nominationId, String programCode,
                           String tierCode, LocalizedText subject, LocalizedText body) {

    public Notification {
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
