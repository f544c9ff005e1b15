package org.tierflow.examples.customhandler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.tierflow.core.TierFlow;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.InboxQuery;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.ReviewTask;

/** Nominations to Qingdao's digital elite-teacher tier (school recommends, district screens, city selects). */
final class Huangdao {

    static final String PROGRAM = "qingdao-digital-talent-2023";
    static final String TIER = "elite-teacher";

    private Huangdao() {
    }

    static Nomination submit(TierFlow tierFlow, String unitId) {
        return tierFlow.nominations().submit(new NominationSubmission(PROGRAM, TIER, "teacher-" + UUID.randomUUID(),
                unitId, Map.of("digitalTrainingHours", 32), List.of()));
    }

    /** The nomination's open review in the approver's inbox, or none. */
    static List<ReviewTask> reviewsOf(TierFlow tierFlow, String approver, Nomination nomination) {
        return tierFlow.reviews().inbox(approver, InboxQuery.all().page(0, 500)).items().stream()
                .filter(task -> task.nominationId().equals(nomination.id())).toList();
    }

    static ReviewTask reviewOf(TierFlow tierFlow, String approver, Nomination nomination) {
        List<ReviewTask> found = reviewsOf(tierFlow, approver, nomination);
        assertThat(found).as("open reviews of %s in %s's inbox", nomination.id(), approver).hasSize(1);
        return found.get(0);
    }

    static Nomination decide(TierFlow tierFlow, String approver, Nomination nomination, Decision decision) {
        return tierFlow.reviews().decide(reviewOf(tierFlow, approver, nomination).taskId(), approver, decision);
    }
}
