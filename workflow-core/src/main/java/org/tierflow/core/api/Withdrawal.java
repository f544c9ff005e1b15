package org.tierflow.core.api;

import java.util.Optional;

/**
 * A selected candidate's withdrawal and the waitlist promotion it caused.
 *
 * @param withdrawn the withdrawn nomination
 * @param promoted  the round's next candidate, passed in its place; empty when nobody was waiting (or the
 *                  unit had no slot left)
 */
public record Withdrawal(Nomination withdrawn, Optional<Nomination> promoted) {
}
