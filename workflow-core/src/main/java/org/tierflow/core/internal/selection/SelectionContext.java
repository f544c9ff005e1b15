package org.tierflow.core.internal.selection;

import java.time.Instant;
import java.util.function.Supplier;

import org.flowable.engine.ProcessEngine;
import org.hibernate.Session;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.ReviewPolicies;
import org.tierflow.core.api.ReviewService;
import org.tierflow.core.spi.ApproverDirectory;
import org.tierflow.core.spi.OrganisationDirectory;

/**
 * Everything the selection service uses, handed over by {@code TierFlow}; selection depends on no other
 * internal package (the engine and persistence depend on it: the quota hook and the entities).
 *
 * @param transactions  one engine command per call
 * @param engine        the started engine
 * @param clock         the engine's clock
 * @param session       the current command's Hibernate session
 * @param quotas        the quota rows
 * @param reviews       decisions, as an approver takes them
 * @param steps         the engine's steps an approver cannot take (promotion, withdrawal after selection)
 * @param nominations   nominations as they stand
 * @param programs      the program catalog
 * @param organisations the host's tree
 * @param approvers     the host's approver directory
 * @param policies      review policies (the administrator)
 */
public record SelectionContext(Transactions transactions, Supplier<ProcessEngine> engine, Supplier<Instant> clock,
                               Supplier<Session> session, QuotaLedger quotas, ReviewService reviews, ReviewSteps steps,
                               NominationService nominations, ProgramCatalog programs,
                               OrganisationDirectory organisations, ApproverDirectory approvers,
                               ReviewPolicies policies) {
}
