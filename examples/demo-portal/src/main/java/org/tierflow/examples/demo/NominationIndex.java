package org.tierflow.examples.demo;

import java.util.Comparator;
import java.util.List;

import org.flowable.engine.HistoryService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationService;

/**
 * Finds nominations. TierFlow's API reads one nomination by id; the ids come from Flowable's history: every
 * nomination runs one {@code tierflowNominationProcess} whose business key is the nomination's id, and that
 * record stays after the process ends (or the nomination is withdrawn). A portal with its own tables would
 * keep the ids beside its users instead; for a demo, reading them all is fine.
 */
@Component
class NominationIndex {

    private final HistoryService history;
    private final NominationService nominations;

    NominationIndex(HistoryService history, NominationService nominations) {
        this.history = history;
        this.nominations = nominations;
    }

    /** Every nomination, newest first. */
    List<Nomination> all() {
        return history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(TierFlowBpmn.NOMINATION_PROCESS)
                .list().stream()
                .map(HistoricProcessInstance::getBusinessKey)
                .distinct()
                .map(nominations::get)
                .sorted(Comparator.comparing(Nomination::submittedAt).reversed())
                .toList();
    }

    /**
     * The applicant's nominations, newest first. Filtered on the nominations themselves: Flowable's history of
     * TierFlow's processes keeps their instances, not their variables (tierflow.bpmn.history), so a historic query
     * by the applicantId variable would find nothing.
     */
    List<Nomination> of(String applicantId) {
        return all().stream().filter(nomination -> applicantId.equals(nomination.applicantId())).toList();
    }
}
