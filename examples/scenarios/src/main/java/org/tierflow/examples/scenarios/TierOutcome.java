package org.tierflow.examples.scenarios;

import java.util.EnumMap;
import java.util.Map;

import org.tierflow.core.api.NominationState;

/** What happened to one tier's candidates in a scenario: filled in as the scenario plays, printed at the end. */
final class TierOutcome {

    final String tierCode;
    final String tierName;
    int generated;
    int ineligible;
    int returnedAndResubmitted;
    int rejectedOnTheWay;
    final Map<NominationState, Integer> states = new EnumMap<>(NominationState.class);
    int quotaTotal;
    int quotaUsed;
    int rounds;
    int withdrawals;
    int published;
    int objections;
    int objectionsUpheld;
    int confirmed;
    int promotedFromWaitlist;
    int trainingRequired;
    int trainingMet;
    int credentialsIssued;
    int extensionsGranted;
    int taskBooksSigned;
    int taskBooksSignedElsewhere;
    int acceptancePassed;
    int evaluationQualified;
    int endedWithoutCredential;
    int examsTaken;
    int examsFailed;
    /** How the quota counts, when not over the whole tier and program (e.g. "per SCHOOL, 3 units"). */
    String quotaScope = "";
    /** Things the scenario could not do, each with how often it happened. */
    final Map<String, Integer> notes = new java.util.LinkedHashMap<>();

    TierOutcome(String tierCode, String tierName) {
        this.tierCode = tierCode;
        this.tierName = tierName;
    }

    int count(NominationState state) {
        return states.getOrDefault(state, 0);
    }

    void note(String text) {
        notes.merge(text, 1, Integer::sum);
    }
}
