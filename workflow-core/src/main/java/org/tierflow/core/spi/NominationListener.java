package org.tierflow.core.spi;

/**
 * The host's listener for nomination events. Called after the transaction commits, so the host never hears
 * of a change that was rolled back. An exception here is logged and does not undo the change.
 */
@FunctionalInterface
public interface NominationListener {

    void onEvent(NominationEvent event);
}
