package org.tierflow.core.spi;

/**
 * The host's channel for telling people what waits for them or what happened to their nomination (mail, SMS,
 * an in-app inbox, ...). TierFlow works out who should hear about what and calls it after the transaction
 * commits, once per recipient, so nobody hears of a change that was rolled back. An exception here is logged
 * and does not undo the change; retrying or queueing is up to the host.
 */
@FunctionalInterface
public interface Notifier {

    void send(Notification notification);
}
