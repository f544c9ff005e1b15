package org.tierflow.examples.scenarios;

import java.util.List;

import org.tierflow.core.api.NominationState;

/** One program's scenario result, and its rendering as Markdown. */
record ProgramOutcome(String programCode, String programName, List<TierOutcome> tiers, List<String> spotChecks) {

    String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("### ").append(programName).append(" (`").append(programCode).append("`)\n\n");
        out.append("| tier | generated | ineligible | in review | returned & resubmitted | rejected below | rejected at selection")
                .append(" | selected | withdrawn | publicity: confirmed / published | objections (upheld) | promoted from waitlist | quota used | rounds | exams failed | training met | task books signed (elsewhere) | acceptance passed | extensions | evaluation qualified | ended without credential | credentials |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (TierOutcome tier : tiers) {
            int rejected = tier.count(NominationState.REJECTED);
            out.append("| ").append(tier.tierName)
                    .append(" | ").append(tier.generated)
                    .append(" | ").append(tier.ineligible)
                    .append(" | ").append(tier.count(NominationState.IN_REVIEW) + tier.count(NominationState.RETURNED_FOR_CORRECTION))
                    .append(" | ").append(tier.returnedAndResubmitted)
                    .append(" | ").append(tier.rejectedOnTheWay)
                    .append(" | ").append(rejected - tier.rejectedOnTheWay)
                    .append(" | ").append(tier.count(NominationState.SELECTED))
                    .append(" | ").append(tier.withdrawals)
                    .append(" | ").append(tier.confirmed).append(" / ").append(tier.published)
                    .append(" | ").append(tier.objections).append(" (").append(tier.objectionsUpheld).append(')')
                    .append(" | ").append(tier.promotedFromWaitlist)
                    .append(" | ").append(tier.quotaUsed).append(" / ").append(tier.quotaTotal).append(tier.quotaScope)
                    .append(" | ").append(tier.rounds)
                    .append(" | ").append(tier.examsTaken == 0 ? "—" : tier.examsFailed + " / " + tier.examsTaken)
                    .append(" | ").append(tier.trainingRequired == 0 ? "—" : tier.trainingMet + " / " + tier.trainingRequired)
                    .append(" | ").append(tier.taskBooksSigned).append(" (").append(tier.taskBooksSignedElsewhere).append(')')
                    .append(" | ").append(tier.acceptancePassed)
                    .append(" | ").append(tier.extensionsGranted)
                    .append(" | ").append(tier.evaluationQualified)
                    .append(" | ").append(tier.endedWithoutCredential)
                    .append(" | ").append(tier.credentialsIssued)
                    .append(" |\n");
        }
        List<TierOutcome> noted = tiers.stream().filter(t -> !t.notes.isEmpty()).toList();
        if (!noted.isEmpty()) {
            out.append('\n');
            noted.forEach(t -> t.notes.forEach((text, times) -> out.append("- ").append(t.tierCode).append(": ")
                    .append(text).append(times > 1 ? " (" + times + "×)" : "").append('\n')));
        }
        if (!spotChecks.isEmpty()) {
            out.append('\n');
            spotChecks.forEach(line -> out.append("- ").append(line).append('\n'));
        }
        return out.append('\n').toString();
    }
}
