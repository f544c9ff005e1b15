package org.tierflow.core.internal.panel;

import java.time.Instant;
import java.util.function.Supplier;

import org.flowable.engine.ProcessEngine;
import org.hibernate.Session;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.internal.selection.Transactions;
import org.tierflow.core.spi.ApproverDirectory;
import org.tierflow.core.spi.ExpertDirectory;
import org.tierflow.core.spi.OrganisationDirectory;

/**
 * Everything expert panels use, handed over by {@code TierFlow}.
 *
 * @param transactions  one engine command per call
 * @param engine        the started engine
 * @param clock         the engine's clock
 * @param session       the current command's Hibernate session
 * @param programs      the program catalog
 * @param organisations the host's tree
 * @param approvers     the host's approver directory (approvers of the panel's level may read its scores)
 * @param experts       the host's expert pool; {@code null} when the host gave none
 * @param nominations   nominations as they stand
 * @param steps         what the engine does when a panel does not recommend
 */
public record PanelContext(Transactions transactions, Supplier<ProcessEngine> engine, Supplier<Instant> clock,
                           Supplier<Session> session, ProgramCatalog programs, OrganisationDirectory organisations,
                           ApproverDirectory approvers, ExpertDirectory experts, NominationService nominations,
                           PanelSteps steps) {
}
