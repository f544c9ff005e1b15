package org.tierflow.core.internal.publicity;

import java.time.Instant;
import java.util.function.Supplier;

import org.flowable.engine.ProcessEngine;
import org.hibernate.Session;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.internal.selection.DefaultSelectionService;
import org.tierflow.core.internal.selection.QuotaLedger;
import org.tierflow.core.internal.selection.ReviewSteps;
import org.tierflow.core.internal.selection.Transactions;
import org.tierflow.core.spi.ApproverDirectory;
import org.tierflow.core.spi.OrganisationDirectory;
import org.tierflow.core.spi.WorkingDayCalendar;

/**
 * Everything the publicity service uses, handed over by {@code TierFlow}.
 *
 * @param transactions  one engine command per call
 * @param engine        the started engine
 * @param clock         the engine's clock
 * @param session       the current command's Hibernate session
 * @param quotas        the quota rows (their locks serialise publications of a unit)
 * @param steps         the engine's steps an approver cannot take (removal after an objection)
 * @param selection     quota release and waitlist promotion
 * @param nominations   nominations as they stand
 * @param programs      the program catalog
 * @param organisations the host's tree
 * @param approvers     the host's approver directory
 * @param calendar      the working-day calendar
 * @param workingDays   length of a publicity period, in working days (at least 1)
 */
public record PublicityContext(Transactions transactions, Supplier<ProcessEngine> engine, Supplier<Instant> clock,
                               Supplier<Session> session, QuotaLedger quotas, ReviewSteps steps,
                               DefaultSelectionService selection, NominationService nominations,
                               ProgramCatalog programs, OrganisationDirectory organisations,
                               ApproverDirectory approvers, WorkingDayCalendar calendar, int workingDays) {

    public PublicityContext {
        if (workingDays < 1) {
            throw new IllegalArgumentException("公示期至少为 1 个工作日，实际为 " + workingDays
                    + " / the publicity period is at least 1 working day, got " + workingDays);
        }
    }
}
