package org.tierflow.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tierflow.spring.boot.web.PanelRestApiHostApplication.EXPERTS;
import static org.tierflow.spring.boot.web.RestApiHostApplication.CITY_REVIEWER;
import static org.tierflow.spring.boot.web.RestApiHostApplication.DISTRICT_REVIEWER;
import static org.tierflow.spring.boot.web.RestApiHostApplication.PRINCIPAL;
import static org.tierflow.spring.boot.web.RestApiHostApplication.PROGRAM;
import static org.tierflow.spring.boot.web.RestApiHostApplication.SCHOOL;
import static org.tierflow.spring.boot.web.RestApiHostApplication.TIER;
import static org.tierflow.spring.boot.web.TierFlowRestApiIntegrationTests.API;
import static org.tierflow.spring.boot.web.TierFlowRestApiIntegrationTests.as;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The expert-panel endpoints in a portal whose host gives TierFlow an expert pool: Ningxia's teaching talents are
 * scored by five experts at the city step (all five must score, trimmed mean), blind until one's own sheet is in.
 */
@SpringBootTest(classes = PanelRestApiHostApplication.class, properties = {
        "tierflow.programs.locations=classpath*:org/tierflow/programs/*.yaml",
        "tierflow.organisations.location=classpath:org/tierflow/organisations/ningxia.yaml",
        "tierflow.web.enabled=true",
        "tierflow.jobs.enabled=false",
        "spring.datasource.generate-unique-name=true"})
@AutoConfigureMockMvc
class PanelRestApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void fiveExpertsScoreBlindAndThePanelResultRanksTheCandidate() throws Exception {
        String teacher = "teacher-" + UUID.randomUUID();
        String id = call(post(API + "/nominations").with(as(teacher)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"programCode\":\"" + PROGRAM + "\",\"tierCode\":\"" + TIER + "\",\"unitId\":\"" + SCHOOL
                        + "\",\"facts\":{\"teacherInInformatisationStudio\":true}}"), 201).get("id").asText();
        for (String approver : List.of(PRINCIPAL, DISTRICT_REVIEWER)) {
            JsonNode inbox = call(get(API + "/inbox").param("size", "500").with(as(approver)), 200);
            String task = TierFlowRestApiIntegrationTests.taskOf(inbox, id);
            call(post(API + "/reviews/" + task + "/decision").with(as(approver)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"outcome\":\"PASS\"}"), 200);
        }

        String base = API + "/nominations/" + id;
        assertThat(mvc.perform(get(base + "/panel-result").with(as(CITY_REVIEWER))).andReturn().getResponse().getStatus())
                .as("no result before the experts have scored").isEqualTo(204);
        problem(get(base + "/panel-scores").with(as(EXPERTS.get(0))), 403, "not-authorized");
        problem(get(base + "/panel-scores").with(as(teacher)), 403, "not-authorized");

        int[] scores = {90, 80, 70, 60, 10};
        for (int i = 0; i < EXPERTS.size(); i++) {
            String expert = EXPERTS.get(i);
            JsonNode inbox = call(get(API + "/panel-tasks").with(as(expert)), 200);
            JsonNode task = null;
            for (JsonNode open : inbox) {
                if (open.get("nominationId").asText().equals(id)) {
                    task = open;
                }
            }
            assertThat(task).as("%s has the panel task", expert).isNotNull();
            assertThat(task.get("rubric").findValuesAsText("code"))
                    .containsExactly("informatised-teaching", "studio-work", "demonstration");
            String sheet = API + "/panel-tasks/" + task.get("taskId").asText() + "/score-sheet";
            if (i == 0) {
                problem(post(sheet).with(as(EXPERTS.get(1))).contentType(MediaType.APPLICATION_JSON)
                        .content(sheet(90, true)), 403, "not-authorized");
                problem(post(sheet).with(as(expert)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"recommend\":true}"), 400, "missing-field");
                problem(post(sheet).with(as(expert)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"criteria\":[{\"code\":\"studio-work\",\"score\":50}],\"recommend\":true}"),
                        400, "invalid-score-sheet");
            }
            JsonNode stored = call(post(sheet).with(as(expert)).contentType(MediaType.APPLICATION_JSON)
                    .content(sheet(scores[i], scores[i] >= 60)), 200);
            assertThat(stored.get("total").decimalValue()).isEqualByComparingTo(String.valueOf(scores[i]));
            assertThat(call(get(base + "/panel-scores").with(as(expert)), 200))
                    .as("after their own sheet an expert sees the sheets so far").hasSize(i + 1);
        }

        assertThat(call(get(API + "/panel-tasks/done").with(as(EXPERTS.get(4))), 200).findValuesAsText("nominationId"))
                .contains(id);
        assertThat(call(get(API + "/panel-tasks").with(as(EXPERTS.get(4))), 200).findValuesAsText("nominationId"))
                .doesNotContain(id);
        JsonNode result = call(get(base + "/panel-result").with(as(CITY_REVIEWER)), 200);
        assertThat(result.get("aggregation").asText()).isEqualTo("TRIMMED_MEAN");
        assertThat(result.get("submitted").asInt()).isEqualTo(5);
        assertThat(result.get("recommending").asInt()).isEqualTo(4);
        assertThat(result.get("score").decimalValue()).as("90 and 10 dropped").isEqualByComparingTo("70");
        assertThat(call(get(base + "/panel-scores").with(as(CITY_REVIEWER)), 200)).hasSize(5);
    }

    static String sheet(int score, boolean recommend) {
        return "{\"criteria\":[{\"code\":\"informatised-teaching\",\"score\":" + score + "},{\"code\":\"studio-work\",\"score\":"
                + score + "},{\"code\":\"demonstration\",\"score\":" + score + "}],\"recommend\":" + recommend
                + ",\"comment\":\"评审意见 / review\"}";
    }

    JsonNode call(MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return json.readTree(result.getResponse().getContentAsString());
    }

    void problem(MockHttpServletRequestBuilder request, int status, String code) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        String body = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
        assertThat(json.readTree(body).get("code").asText()).as(body).isEqualTo(code);
    }
}
