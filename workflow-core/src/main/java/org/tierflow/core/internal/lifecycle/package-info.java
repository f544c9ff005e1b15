/**
 * The life cycle after selection: the delegates of the life-cycle models (task book, implementation,
 * acceptance with its extension loop, evaluation) and the services behind {@code TierFlow.taskBooks()},
 * {@code acceptance()}, {@code evaluations()} and {@code lifecycle()}. Depends on the engine runtime and
 * TierFlow's persistence; nothing outside the entry point depends on it.
 */
package org.tierflow.core.internal.lifecycle;
