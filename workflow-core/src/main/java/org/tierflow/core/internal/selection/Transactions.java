package org.tierflow.core.internal.selection;

import java.util.function.Supplier;

/** Runs work as one engine command (one transaction), joining the current one when called inside it. */
@FunctionalInterface
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
