package org.tierflow.examples.customhandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tierflow.examples.customhandler.HuangdaoConfiguration.*;

import java.util.List;
import java.util.Map;

import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.program.OrganisationLevel;

/** Huangdao's own level review on the real engine (H2): the district interviews before it decides. */
@SpringBootTest
class HuangdaoLevelReviewTests {

    private static final String HUANGDAO_PROCESS = "huangdaoLevelReviewProcess";
    private static final Map<String, Object> GOOD_OBSERVATION = Map.of(TeachingObservationRequired.SCORE, 90);

    @Autowired
    TierFlow tierFlow;

    @Autowired
    InterviewService interviews;

    @Autowired
    RepositoryService repository;

    @Autowired
    HistoryService history;

    @Test
    void theDistrictsModelIsDeployedBesideTierFlowsOwn() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(HUANGDAO_PROCESS).singleResult()
                .getResourceName()).isEqualTo("huangdaoLevelReviewProcess.bpmn20.xml");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(TierFlowBpmn.LEVEL_REVIEW_PROCESS).count())
                .isEqualTo(1);
    }

    @Test
    void theDistrictInterviewsTheCandidateBeforeItsReviewerCanDecide() {
        Nomination nomination = Huangdao.submit(tierFlow, HUANGDAO_SCHOOL);
        Nomination atDistrict = Huangdao.decide(tierFlow, "principal-huangdao", nomination, Decision.pass("推荐"));
        assertThat(atDistrict.currentLevel()).isEqualTo(OrganisationLevel.DISTRICT);

        assertThat(Huangdao.reviewsOf(tierFlow, "reviewer-huangdao", nomination)).as("no decision before the interview").isEmpty();
        assertThat(interviews.waitingFor("reviewer-huangdao")).contains(nomination.id());
        assertThatThrownBy(() -> interviews.record(nomination.id(), "reviewer-shinan", 90, "越权"))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("user reviewer-shinan may not interview candidates for unit qd-huangdao");
        assertThat(interviews.waitingFor("reviewer-huangdao")).as("the refusal changed nothing").contains(nomination.id());

        interviews.record(nomination.id(), "reviewer-huangdao", 85, "思路清晰，案例扎实");

        assertThat(interviews.waitingFor("reviewer-huangdao")).doesNotContain(nomination.id());
        assertThat(interviews.interviews(nomination.id())).singleElement().satisfies(interview -> {
            assertThat(interview.interviewerId()).isEqualTo("reviewer-huangdao");
            assertThat(interview.score()).isEqualTo(85);
            assertThat(interview.notes()).isEqualTo("思路清晰，案例扎实");
        });
        Nomination atCity = Huangdao.decide(tierFlow, "reviewer-huangdao", nomination,
                Decision.pass("同意推荐").withData(GOOD_OBSERVATION));
        assertThat(atCity.currentLevel()).isEqualTo(OrganisationLevel.CITY);
        assertThat(levelReviewsOf(nomination)).as("the school and the district run Huangdao's model; the city TierFlow's")
                .containsExactly(HUANGDAO_PROCESS, HUANGDAO_PROCESS, TierFlowBpmn.LEVEL_REVIEW_PROCESS);
    }

    @Test
    void aReturnFromTheCityMeansAnotherInterview() {
        Nomination nomination = Huangdao.submit(tierFlow, HUANGDAO_SCHOOL);
        Huangdao.decide(tierFlow, "principal-huangdao", nomination, Decision.pass("推荐"));
        interviews.record(nomination.id(), "reviewer-huangdao", 82, "良好");
        Huangdao.decide(tierFlow, "reviewer-huangdao", nomination, Decision.pass("同意").withData(GOOD_OBSERVATION));

        Huangdao.decide(tierFlow, "reviewer-qingdao", nomination, Decision.returnToLowerLevel("请补充面试：数字化教学案例"));

        assertThat(Huangdao.reviewsOf(tierFlow, "reviewer-huangdao", nomination)).isEmpty();
        interviews.record(nomination.id(), "reviewer-huangdao", 91, "补充了两个案例");
        assertThat(interviews.interviews(nomination.id())).extracting(InterviewService.Interview::score).containsExactly(82, 91);
        assertThat(Huangdao.reviewOf(tierFlow, "reviewer-huangdao", nomination).level()).isEqualTo(OrganisationLevel.DISTRICT);
    }

    @Test
    void otherDistrictsRunTierFlowsLevelReview() {
        Nomination nomination = Huangdao.submit(tierFlow, SHINAN_SCHOOL);
        Huangdao.decide(tierFlow, "principal-shinan", nomination, Decision.pass("推荐"));

        assertThat(Huangdao.reviewOf(tierFlow, "reviewer-shinan", nomination).level()).isEqualTo(OrganisationLevel.DISTRICT);
        assertThatThrownBy(() -> interviews.record(nomination.id(), "reviewer-shinan", 90, "无需面试"))
                .isInstanceOf(NotFoundException.class);
        assertThat(levelReviewsOf(nomination)).containsOnly(TierFlowBpmn.LEVEL_REVIEW_PROCESS);
    }

    /** Process keys of the nomination's level reviews, in the order they started. */
    private List<String> levelReviewsOf(Nomination nomination) {
        HistoricProcessInstance main = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(nomination.id())
                .processDefinitionKey(TierFlowBpmn.NOMINATION_PROCESS).singleResult();
        return history.createHistoricProcessInstanceQuery().superProcessInstanceId(main.getId())
                .orderByProcessInstanceStartTime().asc().orderByProcessInstanceId().asc().list().stream()
                .map(HistoricProcessInstance::getProcessDefinitionKey).toList();
    }
}
