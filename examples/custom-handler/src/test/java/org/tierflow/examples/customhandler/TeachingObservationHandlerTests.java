package org.tierflow.examples.customhandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tierflow.examples.customhandler.HuangdaoConfiguration.*;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.DecisionVetoedException;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.ReviewTask;
import org.tierflow.core.api.TimelineEntry;
import org.tierflow.core.api.TimelineEntryType;
import org.tierflow.core.api.program.OrganisationLevel;

/** Huangdao's decision handler on the real engine (H2): a district pass needs a teaching-observation score. */
@SpringBootTest
class TeachingObservationHandlerTests {

    @Autowired
    TierFlow tierFlow;

    @Autowired
    InterviewService interviews;

    @Test
    void theDistrictPassesACandidateOnOnlyWithAnObservationScoreAtThePassMark() {
        Nomination nomination = Huangdao.submit(tierFlow, HUANGDAO_SCHOOL);
        Huangdao.decide(tierFlow, "principal-huangdao", nomination, Decision.pass("推荐"));
        interviews.record(nomination.id(), "reviewer-huangdao", 88, "表达清晰");
        ReviewTask district = Huangdao.reviewOf(tierFlow, "reviewer-huangdao", nomination);

        DecisionVetoedException noScore = catchThrowableOfType(() -> tierFlow.reviews().decide(district.taskId(),
                "reviewer-huangdao", Decision.pass("同意")), DecisionVetoedException.class);
        assertThat(noScore.text().zh()).contains("本区推荐前须先听评课", "合格线 80");
        assertThat(noScore.text().en()).contains("give the teaching-observation score (teachingObservationScore, 0–100, pass mark 80)");

        DecisionVetoedException low = catchThrowableOfType(() -> tierFlow.reviews().decide(district.taskId(),
                "reviewer-huangdao", Decision.pass("同意").withData(Map.of(TeachingObservationRequired.SCORE, 72))),
                DecisionVetoedException.class);
        assertThat(low.text().en()).contains("the teaching-observation score 72 is below the pass mark 80");

        DecisionVetoedException nonsense = catchThrowableOfType(() -> tierFlow.reviews().decide(district.taskId(),
                "reviewer-huangdao", Decision.pass("同意").withData(Map.of(TeachingObservationRequired.SCORE, "excellent"))),
                DecisionVetoedException.class);
        assertThat(nonsense.text().en()).contains("must be a number from 0 to 100, got 'excellent'");

        Nomination unchanged = tierFlow.nominations().get(nomination.id());
        assertThat(unchanged.currentLevel()).as("vetoes change nothing").isEqualTo(OrganisationLevel.DISTRICT);
        assertThat(tierFlow.nominations().timeline(nomination.id())).extracting(TimelineEntry::type)
                .containsExactly(TimelineEntryType.SUBMITTED, TimelineEntryType.PASSED);
        assertThat(Huangdao.reviewOf(tierFlow, "reviewer-huangdao", nomination).taskId()).isEqualTo(district.taskId());

        Nomination passed = tierFlow.reviews().decide(district.taskId(), "reviewer-huangdao",
                Decision.pass("听评课优秀，同意推荐").withData(Map.of(TeachingObservationRequired.SCORE, 86)));

        assertThat(passed.currentLevel()).isEqualTo(OrganisationLevel.CITY);
        assertThat(passed.state()).isEqualTo(NominationState.IN_REVIEW);
        TimelineEntry decision = tierFlow.nominations().timeline(nomination.id()).get(2);
        assertThat(decision.type()).isEqualTo(TimelineEntryType.PASSED);
        assertThat(decision.unitId()).isEqualTo(HUANGDAO);
        assertThat(decision.data()).containsEntry(TeachingObservationRequired.SCORE, 86)
                .containsEntry(TeachingObservationRequired.PASS_MARK, "80");
        assertThat(Huangdao.reviewOf(tierFlow, "reviewer-qingdao", nomination).level()).isEqualTo(OrganisationLevel.CITY);
    }

    @Test
    void theDistrictMayRejectWithoutAScore() {
        Nomination nomination = Huangdao.submit(tierFlow, HUANGDAO_SCHOOL);
        Huangdao.decide(tierFlow, "principal-huangdao", nomination, Decision.pass("推荐"));
        interviews.record(nomination.id(), "reviewer-huangdao", 40, "准备不足");

        Nomination rejected = Huangdao.decide(tierFlow, "reviewer-huangdao", nomination, Decision.reject("面试未通过"));

        assertThat(rejected.state()).isEqualTo(NominationState.REJECTED);
    }

    @Test
    void theDistrictsSchoolsAndOtherDistrictsNeedNoScore() {
        Nomination huangdao = Huangdao.submit(tierFlow, HUANGDAO_SCHOOL);
        Nomination atDistrict = Huangdao.decide(tierFlow, "principal-huangdao", huangdao, Decision.pass("推荐"));
        assertThat(atDistrict.currentLevel()).as("the handler leaves the school's decision alone")
                .isEqualTo(OrganisationLevel.DISTRICT);

        Nomination shinan = Huangdao.submit(tierFlow, SHINAN_SCHOOL);
        Huangdao.decide(tierFlow, "principal-shinan", shinan, Decision.pass("推荐"));
        Nomination atCity = Huangdao.decide(tierFlow, "reviewer-shinan", shinan, Decision.pass("同意"));

        assertThat(atCity.currentLevel()).isEqualTo(OrganisationLevel.CITY);
        assertThat(tierFlow.nominations().timeline(shinan.id()).get(2).data())
                .doesNotContainKey(TeachingObservationRequired.PASS_MARK);
    }
}
