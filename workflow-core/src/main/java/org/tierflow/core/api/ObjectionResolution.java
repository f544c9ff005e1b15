package org.tierflow.core.api;

import java.util.Optional;

/**
 * What resolving an objection changed.
 *
 * @param objection            the objection, resolved
 * @param publication          the publication it belongs to, as it stands after the resolution
 * @param promoted             the candidate the waitlist promoted in place of a removed one (upheld objections of
 *                             candidates selected in a round only; empty when nobody was waiting or no slot was free)
 * @param promotedPublication  the publication TierFlow opened for the promoted candidate, who is published in turn
 */
public record ObjectionResolution(Objection objection, Publication publication, Optional<Nomination> promoted,
                                  Optional<Publication> promotedPublication) {
}
