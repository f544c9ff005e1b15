package org.tierflow.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tierflow.spring.boot.web.RestApiHostApplication.CITY;
import static org.tierflow.spring.boot.web.RestApiHostApplication.CITY_REVIEWER;
import static org.tierflow.spring.boot.web.RestApiHostApplication.DISTRICT;
import static org.tierflow.spring.boot.web.RestApiHostApplication.DISTRICT_REVIEWER;
import static org.tierflow.spring.boot.web.RestApiHostApplication.NATIONAL;
import static org.tierflow.spring.boot.web.RestApiHostApplication.NATIONAL_TIER;
import static org.tierflow.spring.boot.web.RestApiHostApplication.OTHER_CITY;
import static org.tierflow.spring.boot.web.RestApiHostApplication.PRINCIPAL;
import static org.tierflow.spring.boot.web.RestApiHostApplication.PROGRAM;
import static org.tierflow.spring.boot.web.RestApiHostApplication.REGION;
import static org.tierflow.spring.boot.web.RestApiHostApplication.REGION_REVIEWER;
import static org.tierflow.spring.boot.web.RestApiHostApplication.SCHOOL;
import static org.tierflow.spring.boot.web.RestApiHostApplication.TIER;
import static org.tierflow.spring.boot.web.RestApiHostApplication.VICE_PRINCIPAL;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.flowable.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.NotAuthorizedException;

/**
 * TierFlow's REST API in a Spring MVC portal on H2, called as the host's security would call it (a user principal
 * on the request): every endpoint on its happy path, and the problem details of every refusal.
 */
@SpringBootTest(classes = RestApiHostApplication.class, properties = {
        "tierflow.programs.locations=classpath*:org/tierflow/programs/*.yaml,classpath*:rest-programs/*.yaml",
        "tierflow.organisations.location=classpath:org/tierflow/organisations/ningxia.yaml",
        "tierflow.web.enabled=true",
        // Timers run only when a test says so (see qualify): no async executor firing them on its own threads.
        "tierflow.jobs.enabled=false",
        "spring.datasource.generate-unique-name=true"})
@AutoConfigureMockMvc
class TierFlowRestApiIntegrationTests {

    static final String API = "/tierflow/api";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TierFlow tierFlow;

    @Autowired
    ProcessEngine engine;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    // ----------------------------------------------------------------------------------------------- programs

    @Test
    void programsAreListedAndReadByCode() throws Exception {
        JsonNode programs = call(get(API + "/programs").with(as(PRINCIPAL)), 200);
        assertThat(programs.findValuesAsText("code")).contains(PROGRAM, NATIONAL);

        JsonNode ningxia = call(get(API + "/programs/" + PROGRAM).with(as(PRINCIPAL)), 200);
        assertThat(ningxia.get("code").asText()).isEqualTo(PROGRAM);
        assertThat(ningxia.get("owner").asText()).isEqualTo("PROVINCE");
        assertThat(ningxia.get("tiers").findValuesAsText("code")).contains(TIER);
    }

    // -------------------------------------------------------------------------------------------- nominations

    @Test
    void anApplicantSubmitsFollowsAndApproversClaimDelegateAndDecide() throws Exception {
        String applicant = applicant();
        MvcResult submitted = mvc.perform(post(API + "/nominations").with(as(applicant))
                        .contentType(MediaType.APPLICATION_JSON).content(eligibleSubmission()))
                .andReturn();
        assertThat(submitted.getResponse().getStatus()).isEqualTo(201);
        JsonNode nomination = json.readTree(submitted.getResponse().getContentAsString());
        String id = nomination.get("id").asText();
        assertThat(nomination.get("applicantId").asText()).as("the caller is the applicant").isEqualTo(applicant);
        assertThat(nomination.get("state").asText()).isEqualTo("IN_REVIEW");
        assertThat(submitted.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith(API + "/nominations/" + id);

        assertThat(call(get(API + "/nominations/" + id).with(as(applicant)), 200).get("currentLevel").asText())
                .isEqualTo("SCHOOL");

        JsonNode inbox = call(get(API + "/inbox").param("program", PROGRAM).param("tier", TIER).param("level", "SCHOOL")
                .param("state", "UNCLAIMED").param("page", "0").param("size", "500").param("order", "NEWEST_FIRST")
                .with(as(PRINCIPAL)), 200);
        String taskId = taskOf(inbox, id);
        assertThat(inbox.get("total").asLong()).isPositive();
        JsonNode one = call(get(API + "/inbox").param("nomination", id).with(as(PRINCIPAL)), 200);
        assertThat(one.get("total").asLong()).as("the nomination's own review only").isEqualTo(1);
        assertThat(one.get("items").get(0).get("taskId").asText()).isEqualTo(taskId);
        assertThat(call(get(API + "/inbox").param("nomination", id).with(as(CITY_REVIEWER)), 200).get("total").asLong())
                .as("not in another approver's inbox").isZero();

        assertThat(call(post(API + "/reviews/" + taskId + "/claim").with(as(PRINCIPAL)), 200).get("assignee").asText())
                .isEqualTo(PRINCIPAL);
        assertThat(call(post(API + "/reviews/" + taskId + "/unclaim").with(as(PRINCIPAL)), 200).get("assignee").isNull())
                .isTrue();
        JsonNode delegated = call(post(API + "/reviews/" + taskId + "/delegation").with(as(PRINCIPAL))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"delegateUserId\":\"" + VICE_PRINCIPAL + "\",\"comment\":\"请副校长审核 / over to you\"}"), 200);
        assertThat(delegated.get("assignee").asText()).isEqualTo(VICE_PRINCIPAL);

        JsonNode decided = call(post(API + "/reviews/" + taskId + "/decision").with(as(VICE_PRINCIPAL))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"PASS\",\"comment\":\"同意推荐\",\"attachments\":[\"minutes.pdf\"],\"data\":{\"score\":91}}"),
                200);
        assertThat(decided.get("currentLevel").asText()).isEqualTo("DISTRICT");

        JsonNode timeline = call(get(API + "/nominations/" + id + "/timeline").with(as(applicant)), 200);
        assertThat(timeline.findValuesAsText("type"))
                .containsExactly("SUBMITTED", "CLAIMED", "UNCLAIMED", "DELEGATED", "PASSED");
        assertThat(timeline.get(4).get("actorId").asText()).isEqualTo(VICE_PRINCIPAL);
        assertThat(timeline.get(4).get("attachments").get(0).asText()).isEqualTo("minutes.pdf");
    }

    @Test
    void aReturnedNominationIsResubmittedAndAnUndecidedOneWithdrawn() throws Exception {
        String applicant = applicant();
        String returned = submit(applicant);
        decide(returned, PRINCIPAL, "{\"outcome\":\"RETURN_TO_APPLICANT\",\"comment\":\"请补充材料 / add the studio certificate\"}");
        assertThat(call(get(API + "/nominations/" + returned).with(as(applicant)), 200).get("state").asText())
                .isEqualTo("RETURNED_FOR_CORRECTION");

        JsonNode resubmitted = call(post(API + "/nominations/" + returned + "/resubmission").with(as(applicant))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"facts\":{\"teacherInInformatisationStudio\":true},\"comment\":\"已补充 / added\"}"), 200);
        assertThat(resubmitted.get("state").asText()).isEqualTo("IN_REVIEW");

        String withdrawn = submit(applicant);
        JsonNode after = call(post(API + "/nominations/" + withdrawn + "/withdrawal").with(as(applicant))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"明年再报 / next year\"}"), 200);
        assertThat(after.get("state").asText()).isEqualTo("WITHDRAWN");
    }

    // ------------------------------------------------------------------------------------ selection and quotas

    @Test
    void theRegionAllocatesAndTheCitySelectsABatchInARound() throws Exception {
        JsonNode allocated = call(post(API + "/programs/" + PROGRAM + "/tiers/" + TIER + "/quotas/" + REGION + "/allocation")
                .with(as(REGION_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"quotas\":{\"" + OTHER_CITY + "\":5}}"), 200);
        assertThat(allocated.get(0).get("unitId").asText()).isEqualTo(OTHER_CITY);
        JsonNode quota = call(get(API + "/programs/" + PROGRAM + "/tiers/" + TIER + "/quotas/" + OTHER_CITY)
                .with(as(REGION_REVIEWER)), 200);
        assertThat(quota.get("limited").asBoolean()).isTrue();
        assertThat(quota.get("allocated").asInt()).isEqualTo(5);
        assertThat(quota.get("remaining").asInt()).isEqualTo(5);

        String first = submitAndPassTo(applicant(), "CITY");
        String second = submitAndPassTo(applicant(), "CITY");
        Instant now = Instant.now();
        MvcResult opened = mvc.perform(post(API + "/rounds").with(as(CITY_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("programCode", PROGRAM, "tierCode", TIER, "unitId", CITY,
                                "level", "CITY", "opensAt", now.minus(Duration.ofHours(1)).toString(),
                                "closesAt", now.plus(Duration.ofDays(1)).toString()))))
                .andReturn();
        assertThat(opened.getResponse().getStatus()).as(opened.getResponse().getContentAsString()).isEqualTo(201);
        String roundId = json.readTree(opened.getResponse().getContentAsString()).get("id").asText();
        assertThat(call(get(API + "/rounds/" + roundId).with(as(CITY_REVIEWER)), 200).get("unitId").asText())
                .isEqualTo(CITY);

        assertThat(mvc.perform(post(API + "/nominations/" + second + "/scores").with(as(CITY_REVIEWER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"stepIndex\":2,\"score\":88.5}"))
                .andReturn().getResponse().getStatus()).isEqualTo(204);
        JsonNode ranked = call(get(API + "/rounds/" + roundId + "/candidates").with(as(CITY_REVIEWER)), 200);
        assertThat(ranked.findValuesAsText("nominationId")).as("scored first").containsExactly(second, first);

        JsonNode rejected = problem(post(API + "/rounds/" + roundId + "/selection").with(as(CITY_REVIEWER))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").contentType(MediaType.APPLICATION_JSON)
                .content("{\"nominationIds\":[\"" + second + "\",\"no-such-nomination\"],\"comment\":\"择优\"}"),
                409, "batch-rejected");
        assertThat(rejected.get("problems").get(0).get("nominationId").asText()).isEqualTo("no-such-nomination");
        assertThat(rejected.get("problems").get(0).get("code").asText()).isNotBlank();
        assertThat(call(get(API + "/nominations/" + second).with(as(CITY_REVIEWER)), 200).get("state").asText())
                .as("all or nothing").isEqualTo("IN_REVIEW");

        JsonNode outcome = call(post(API + "/rounds/" + roundId + "/selection").with(as(CITY_REVIEWER))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"nominationIds\":[\"" + second + "\"],\"comment\":\"择优 / merit\"}"), 200);
        assertThat(outcome.get("selected").findValuesAsText("id")).containsExactly(second);
        assertThat(outcome.get("selected").get(0).get("state").asText()).isEqualTo("SELECTED");

        String secondApplicant = call(get(API + "/nominations/" + second).with(as(CITY_REVIEWER)), 200)
                .get("applicantId").asText();
        JsonNode withdrawal = call(post(API + "/nominations/" + second + "/selection-withdrawal").with(as(secondApplicant))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"工作调动 / moving away\"}"), 200);
        assertThat(withdrawal.get("withdrawn").get("state").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawal.get("promoted").get("id").asText()).as("the next in the round moves up").isEqualTo(first);
    }

    @Test
    void theDistrictSubmitsABatchThatEngineJobsApplyAndWhilePendingItsItemsAre409() throws Exception {
        String first = submit(applicant());
        String second = submit(applicant());
        for (String id : List.of(first, second)) {
            decide(id, PRINCIPAL, "{\"outcome\":\"PASS\",\"comment\":\"同意\"}");
        }
        Instant now = Instant.now();
        String roundId = call(post(API + "/rounds").with(as(DISTRICT_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("programCode", PROGRAM, "tierCode", TIER, "unitId", DISTRICT,
                        "level", "DISTRICT", "opensAt", now.minus(Duration.ofHours(1)).toString(),
                        "closesAt", now.plus(Duration.ofDays(1)).toString()))), 201).get("id").asText();
        String firstTask = openTaskOf(first);

        problem(post(API + "/rounds/" + roundId + "/batch-selections").with(as(DISTRICT_REVIEWER))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"nominationIds\":[\"" + first + "\",\"no-such-nomination\"],\"comment\":\"推荐\"}"),
                409, "batch-rejected");
        MvcResult submitted = mvc.perform(post(API + "/rounds/" + roundId + "/batch-selections")
                        .with(as(DISTRICT_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nominationIds\":[\"" + first + "\",\"" + second + "\"],\"comment\":\"推荐 / recommended\"}"))
                .andReturn();
        assertThat(submitted.getResponse().getStatus()).as(submitted.getResponse().getContentAsString()).isEqualTo(202);
        JsonNode batch = json.readTree(submitted.getResponse().getContentAsString());
        String location = submitted.getResponse().getHeader(HttpHeaders.LOCATION);
        assertThat(location).endsWith(API + "/batch-selections/" + batch.get("id").asText());
        assertThat(batch.get("state").asText()).isEqualTo("PENDING");
        assertThat(batch.get("items").findValuesAsText("state")).containsOnly("WAITING");

        problem(post(API + "/reviews/" + firstTask + "/decision").with(as(DISTRICT_REVIEWER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"PASS\",\"comment\":\"同意\"}"),
                409, "batch-pending");

        engine.getManagementService().createJobQuery().handlerType("tierflow-batch-selection").list()
                .forEach(job -> engine.getManagementService().executeJob(job.getId()));
        JsonNode applied = call(get(location.substring(location.indexOf(API))).with(as(DISTRICT_REVIEWER)), 200);
        assertThat(applied.get("state").asText()).isEqualTo("APPLIED");
        assertThat(applied.get("items").findValuesAsText("state")).containsOnly("APPLIED");
        assertThat(call(get(API + "/nominations/" + first).with(as(DISTRICT_REVIEWER)), 200).get("currentLevel").asText())
                .as("passed on to the city").isEqualTo("CITY");
    }

    // ---------------------------------------------------------------------------------------------- publicity

    @Test
    void theSchoolPublishesItsSelectionObjectionsAreFiledAndResolvedAndTheListIsExported() throws Exception {
        String kept = selectNationalTeacher();
        String objected = selectNationalTeacher();
        String publications = API + "/programs/" + NATIONAL + "/tiers/" + NATIONAL_TIER + "/publications";

        problem(post(publications).with(as(DISTRICT_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitId\":\"" + SCHOOL + "\"}"), 403, "not-authorized");
        JsonNode missing = problem(post(publications).with(as(PRINCIPAL)).contentType(MediaType.APPLICATION_JSON)
                .content("{}"), 400, "missing-field");
        assertThat(missing.get("fields").get(0).asText()).isEqualTo("unitId");
        MvcResult published = mvc.perform(post(publications).with(as(PRINCIPAL)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitId\":\"" + SCHOOL + "\"}")).andReturn();
        assertThat(published.getResponse().getStatus()).as(published.getResponse().getContentAsString()).isEqualTo(201);
        JsonNode publication = json.readTree(published.getResponse().getContentAsString());
        String id = publication.get("id").asText();
        assertThat(published.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith(API + "/publications/" + id);
        assertThat(publication.get("workingDays").asInt()).isEqualTo(5);
        assertThat(publication.get("entries").findValuesAsText("nominationId")).contains(kept, objected);
        problem(post(publications).with(as(PRINCIPAL)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitId\":\"" + SCHOOL + "\"}"), 409, "nothing-to-publish");
        assertThat(call(get(publications).with(as(PRINCIPAL)), 200).findValuesAsText("id")).contains(id);
        assertThat(call(get(API + "/publications/" + id).with(as(PRINCIPAL)), 200).get("endsAt").asText())
                .isEqualTo(publication.get("endsAt").asText());

        MvcResult filed = mvc.perform(post(API + "/publications/" + id + "/objections").with(as("parent-of-a-pupil"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"nominationId\":\"" + objected + "\",\"reason\":\"学时造假 / invented hours\"}")).andReturn();
        assertThat(filed.getResponse().getStatus()).as(filed.getResponse().getContentAsString()).isEqualTo(201);
        String objectionId = json.readTree(filed.getResponse().getContentAsString()).get("id").asText();
        problem(post(API + "/publications/" + id + "/objections").with(as("parent-of-a-pupil"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"nominationId\":\"" + objected + "\"}"),
                400, "missing-field");
        problem(get(API + "/publications/" + id + "/objections").with(as("parent-of-a-pupil")), 403, "not-authorized");
        assertThat(call(get(API + "/publications/" + id + "/objections").with(as(PRINCIPAL)), 200)
                .findValuesAsText("id")).containsExactly(objectionId);
        JsonNode early = problem(post(API + "/publications/" + id + "/closing").with(as(PRINCIPAL))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"), 409, "publicity-not-over");
        assertThat(early.get("detail").asText()).contains("too early to confirm");

        JsonNode resolution = call(post(API + "/objections/" + objectionId + "/resolution").with(as(PRINCIPAL))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"UPHELD\",\"reason\":\"核实属实 / confirmed\"}"), 200);
        assertThat(resolution.get("objection").get("outcome").asText()).isEqualTo("UPHELD");
        assertThat(resolution.get("promoted").isNull()).as("no round, no waitlist").isTrue();
        for (JsonNode entry : resolution.get("publication").get("entries")) {
            if (entry.get("nominationId").asText().equals(objected)) {
                assertThat(entry.get("status").asText()).isEqualTo("REMOVED");
            }
        }
        assertThat(call(get(API + "/nominations/" + objected).with(as(PRINCIPAL)), 200).get("state").asText())
                .isEqualTo("REJECTED");
        problem(post(API + "/objections/" + objectionId + "/resolution").with(as(PRINCIPAL))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"DISMISSED\",\"reason\":\"again\"}"),
                409, "already-resolved");
        problem(post(API + "/objections/" + objectionId + "/resolution").with(as(PRINCIPAL))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"MAYBE\",\"reason\":\"x\"}"),
                400, "invalid-body");
        problem(post(API + "/objections/no-such-objection/resolution").with(as(PRINCIPAL))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"UPHELD\",\"reason\":\"x\"}"),
                404, "not-found");
        problem(get(API + "/publications/no-such-publication").with(as(PRINCIPAL)), 404, "not-found");

        MvcResult csv = mvc.perform(get(API + "/publications/" + id + "/export").with(as(PRINCIPAL))).andReturn();
        assertThat(csv.getResponse().getStatus()).isEqualTo(200);
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment")
                .contains("publicity-" + id + ".csv");
        byte[] csvBytes = csv.getResponse().getContentAsByteArray();
        assertThat(java.util.Arrays.copyOf(csvBytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csvBytes, java.nio.charset.StandardCharsets.UTF_8)).contains("序号 / No.").contains(kept);
        MvcResult xlsx = mvc.perform(get(API + "/publications/" + id + "/export").param("format", "XLSX")
                .with(as(PRINCIPAL))).andReturn();
        assertThat(xlsx.getResponse().getStatus()).isEqualTo(200);
        assertThat(xlsx.getResponse().getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(java.util.Arrays.copyOf(xlsx.getResponse().getContentAsByteArray(), 2)).as("a zip package")
                .containsExactly('P', 'K');
        problem(get(API + "/publications/" + id + "/export").param("format", "PDF").with(as(PRINCIPAL)), 400,
                "invalid-parameter");
    }

    @Test
    void aSchoolSubmitsAProjectAndTheDistrictDecidesItAndItsPhases() throws Exception {
        String body = json.writeValueAsString(Map.of("programCode", "rest-tool-rollout", "tierCode", "tool",
                "unitId", SCHOOL, "projectTitle", "智慧课堂助手 / Smart classroom assistant"));
        JsonNode project = call(post(API + "/nominations").with(as(PRINCIPAL)).contentType(MediaType.APPLICATION_JSON)
                .content(body), 201);
        assertThat(project.get("candidateKind").asText()).isEqualTo("PROJECT");
        assertThat(project.get("projectTitle").asText()).isEqualTo("智慧课堂助手 / Smart classroom assistant");
        String id = project.get("id").asText();
        String phases = API + "/nominations/" + id + "/phases";
        assertThat(call(get(phases).with(as(PRINCIPAL)), 200).findValuesAsText("state")).as("before selection")
                .containsExactly("PENDING", "PENDING");
        problem(post(phases + "/decision").with(as(DISTRICT_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"passed\":true}"), 400, "no-open-phase");

        decide(id, DISTRICT_REVIEWER, "{\"outcome\":\"PASS\",\"comment\":\"论证通过\"}");
        JsonNode open = call(get(phases).with(as(PRINCIPAL)), 200);
        assertThat(open.findValuesAsText("code")).containsExactly("pilot", "rollout");
        assertThat(open.findValuesAsText("state")).containsExactly("OPEN", "PENDING");
        assertThat(open.get(0).get("decidedBy").asText()).isEqualTo("DISTRICT");
        assertThat(call(get(API + "/nominations/" + id + "/lifecycle").with(as(PRINCIPAL)), 200).get("phase").asText())
                .isEqualTo("PHASES");

        String due = open.get(0).get("dueAt").asText();
        String later = java.time.Instant.parse(due).plus(java.time.Duration.ofDays(90)).toString();
        problem(post(phases + "/due-date").with(as(DISTRICT_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"dueAt\":\"" + later + "\"}"), 400, "missing-field");
        problem(post(phases + "/due-date").with(as(PRINCIPAL)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"dueAt\":\"" + later + "\",\"reason\":\"延期\"}"), 403, "not-authorized");
        JsonNode moved = call(post(phases + "/due-date").with(as(DISTRICT_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"dueAt\":\"" + later + "\",\"reason\":\"试点延长 / longer pilot\"}"), 200);
        assertThat(java.time.Instant.parse(moved.get("dueAt").asText())).isEqualTo(java.time.Instant.parse(later));
        assertThat(moved.get("state").asText()).isEqualTo("OPEN");

        String pass = "{\"passed\":true,\"comment\":\"试点效果良好\"}";
        problem(post(phases + "/decision").with(as(PRINCIPAL)).contentType(MediaType.APPLICATION_JSON).content(pass),
                403, "not-authorized");
        problem(post(phases + "/decision").with(as(DISTRICT_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\":\"?\"}"), 400, "missing-field");
        JsonNode pilot = call(post(phases + "/decision").with(as(DISTRICT_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                .content(pass), 200);
        assertThat(pilot.get("code").asText()).isEqualTo("pilot");
        assertThat(pilot.get("state").asText()).isEqualTo("PASSED");
        assertThat(pilot.get("decidedById").asText()).isEqualTo(DISTRICT_REVIEWER);
        assertThat(pilot.get("comment").asText()).isEqualTo("试点效果良好");
        JsonNode rollout = call(post(phases + "/decision").with(as(DISTRICT_REVIEWER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"passed\":false,\"comment\":\"推广未达预期\"}"), 200);
        assertThat(rollout.get("state").asText()).isEqualTo("FAILED");
        assertThat(call(get(phases).with(as(PRINCIPAL)), 200).findValuesAsText("state")).containsExactly("PASSED", "FAILED");
        assertThat(call(get(API + "/nominations/" + id + "/lifecycle").with(as(PRINCIPAL)), 200).get("phase").asText())
                .isEqualTo("ENDED_WITHOUT_CREDENTIAL");
        assertThat(call(get(API + "/nominations/" + id + "/timeline").with(as(PRINCIPAL)), 200).findValuesAsText("type"))
                .containsSubsequence("PHASE_STARTED", "PHASE_PASSED", "PHASE_STARTED", "PHASE_FAILED");

        problem(post(API + "/nominations").with(as(PRINCIPAL)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("programCode", "rest-tool-rollout", "tierCode", "tool",
                        "unitId", SCHOOL))), 400, "project-title");
        problem(post(API + "/nominations").with(as(PRINCIPAL)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("programCode", NATIONAL, "tierCode", NATIONAL_TIER,
                        "unitId", SCHOOL, "projectTitle", "不是项目 / not a project"))), 400, "project-title-not-allowed");

        String school = json.writeValueAsString(Map.of("programCode", "rest-tool-rollout", "tierCode", "model-school",
                "unitId", SCHOOL));
        JsonNode applied = call(post(API + "/nominations").with(as(PRINCIPAL)).contentType(MediaType.APPLICATION_JSON)
                .content(school), 201);
        assertThat(applied.get("candidateKind").asText()).isEqualTo("SCHOOL");
        problem(post(API + "/nominations").with(as(VICE_PRINCIPAL)).contentType(MediaType.APPLICATION_JSON)
                .content(school), 409, "school-already-nominated");
    }

    /** A teacher of the national program, passed by the school, which decides alone. */
    String selectNationalTeacher() throws Exception {
        String id = json.readTree(mvc.perform(post(API + "/nominations").with(as(applicant()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("programCode", NATIONAL, "tierCode", NATIONAL_TIER,
                                "unitId", SCHOOL))))
                .andReturn().getResponse().getContentAsString()).get("id").asText();
        decide(id, PRINCIPAL, "{\"outcome\":\"PASS\"}");
        assertThat(call(get(API + "/nominations/" + id).with(as(PRINCIPAL)), 200).get("state").asText())
                .isEqualTo("SELECTED");
        return id;
    }

    // ------------------------------------------------------------------------------- life cycle after selection

    @Test
    void aSelectedTeacherSignsTheTaskBookAndTheCountyAndCityAcceptTheWork() throws Exception {
        String teacher = applicant();
        String id = submitAndPassTo(teacher, "CITY");
        decide(id, CITY_REVIEWER, "{\"outcome\":\"PASS\",\"comment\":\"评审确定\"}");
        String base = API + "/nominations/" + id;

        JsonNode book = call(get(base + "/task-book").with(as(teacher)), 200);
        assertThat(book.get("authorityUnitId").asText()).as("the city signs teaching talents' task books").isEqualTo(CITY);
        assertThat(book.get("state").asText()).isEqualTo("AWAITING_CANDIDATE");
        assertThat(book.get("funding").findValuesAsText("code")).containsExactly("teaching-study", "demonstration");
        assertThat(problem(post(base + "/task-book/signature").with(as(CITY_REVIEWER)), 403, "not-authorized")
                .get("detail").asText()).contains("候选人");
        assertThat(call(post(base + "/task-book/signature").with(as(teacher)), 200).get("state").asText())
                .isEqualTo("AWAITING_COUNTERSIGN");
        problem(post(base + "/task-book/deadline").with(as(CITY_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"deadline\":\"2020-01-01T00:00:00Z\",\"reason\":\"x\"}"), 400, "deadline-in-past");
        problem(post(base + "/task-book/deadline").with(as(CITY_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                .content("{}"), 400, "missing-field");
        assertThat(call(post(base + "/task-book/countersignature").with(as(CITY_REVIEWER)), 200).get("state").asText())
                .isEqualTo("SIGNED");
        problem(post(base + "/task-book/signed-elsewhere").with(as(CITY_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"纸质 / on paper\"}"), 409, "already-signed");
        assertThat(call(get(base + "/lifecycle").with(as(teacher)), 200).get("phase").asText()).isEqualTo("IMPLEMENTATION");
        problem(get(base + "/acceptance").with(as(teacher)), 404, "not-found");
        problem(post(base + "/acceptance/report").with(as(teacher)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"report\":\"早 / early\"}"), 400, "no-report-due");

        java.time.Instant end = java.time.Instant.now().plus(java.time.Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        JsonNode moved = call(post(base + "/working-period/end").with(as(CITY_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"end\":\"" + end + "\",\"reason\":\"提前验收 / early acceptance\"}"), 200);
        assertThat(java.time.Instant.parse(moved.get("workingPeriodEndsAt").asText())).isEqualTo(end);
        runDueTimersAt(end.plusSeconds(60));

        call(post(base + "/acceptance/report").with(as(teacher)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"report\":\"总结报告 / final report\"}"), 200);
        call(post(base + "/acceptance/review").with(as(DISTRICT_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"passed\":true,\"comment\":\"同意验收\"}"), 200);
        problem(post(base + "/acceptance/decision").with(as(CITY_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"score\":88,\"passed\":true}"), 400, "on-site-not-scheduled");
        call(post(base + "/acceptance/on-site").with(as(CITY_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"date\":\"" + LocalDate.now(CHINA) + "\",\"expertTeam\":[\"专家甲\",\"专家乙\"]}"), 200);
        JsonNode decided = call(post(base + "/acceptance/decision").with(as(CITY_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"score\":88,\"passed\":true,\"comment\":\"通过\"}"), 200);

        assertThat(decided.get("passed").asBoolean()).isTrue();
        assertThat(decided.get("reviews").findValuesAsText("level")).containsExactly("DISTRICT", "CITY");
        assertThat(call(get(base + "/acceptance").with(as(teacher)), 200)).hasSize(1);
        assertThat(call(get(base + "/lifecycle").with(as(teacher)), 200).get("phase").asText()).isEqualTo("AWAITING_CREDENTIAL");
        assertThat(call(post(base + "/credentials").with(as(CITY_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                .content("{}"), 201).get("issuingUnitId").asText()).isEqualTo(CITY);
    }

    /** Runs the timers due at {@code when} on this thread (the executor is off in this test), then back to real time. */
    private void runDueTimersAt(java.time.Instant when) {
        var clock = engine.getProcessEngineConfiguration().getClock();
        clock.setCurrentTime(java.util.Date.from(when));
        try {
            var management = engine.getManagementService();
            for (org.flowable.job.api.Job timer : management.createTimerJobQuery().executable().list()) {
                management.executeJob(management.moveTimerToExecutableJob(timer.getId()).getId());
            }
        } finally {
            clock.reset();
        }
    }

    // ------------------------------------------------------------------------------- training and credentials

    /**
     * The national teacher records the rest of the required hours, the five-year working period ends (engine clock
     * moved, the due timer run on this thread), then both evaluating parties score through the evaluation endpoints;
     * then the clock is real again.
     */
    private void qualify(String nominationId, String teacher) throws Exception {
        // The rest of the 50 hours (at least half practice) the credential requires, as the platform would send them.
        for (int i = 0; i < 2; i++) {
            tierFlow.training().record(new org.tierflow.core.api.HourRecord(nominationId, "rest-" + i + "-" + nominationId,
                    "practice", java.math.BigDecimal.valueOf(22), LocalDate.now(CHINA), "ningxia-platform", null));
        }
        var clock = engine.getProcessEngineConfiguration().getClock();
        clock.setCurrentTime(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(5 * 366 + 1))));
        try {
            var management = engine.getManagementService();
            for (org.flowable.job.api.Job timer : management.createTimerJobQuery().executable().list()) {
                management.executeJob(management.moveTimerToExecutableJob(timer.getId()).getId());
            }
            String evaluation = API + "/nominations/" + nominationId + "/evaluation";
            JsonNode open = call(get(evaluation).with(as(teacher)), 200);
            assertThat(json.convertValue(open.get("missing"), List.class)).containsExactly("school", "third-party");
            assertThat(open.get("total").isNull()).isTrue();

            String full = "{\"scores\":{\"study\":100,\"practice\":100}}";
            problem(post(evaluation + "/school").with(as(teacher)).contentType(MediaType.APPLICATION_JSON).content(full),
                    403, "not-authorized");
            problem(post(evaluation + "/school").with(as(PRINCIPAL)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"scores\":{\"study\":100}}"), 400, "invalid-scores");
            problem(post(evaluation + "/school").with(as(PRINCIPAL)).contentType(MediaType.APPLICATION_JSON)
                    .content("{}"), 400, "missing-field");
            JsonNode half = call(post(evaluation + "/school").with(as(PRINCIPAL)).contentType(MediaType.APPLICATION_JSON)
                    .content(full), 200);
            assertThat(json.convertValue(half.get("missing"), List.class)).containsExactly("third-party");
            problem(post(evaluation + "/school").with(as(PRINCIPAL)).contentType(MediaType.APPLICATION_JSON)
                    .content(full), 409, "already-scored");
            JsonNode done = call(post(evaluation + "/third-party").with(as(DISTRICT_REVIEWER))
                    .contentType(MediaType.APPLICATION_JSON).content(full), 200);
            assertThat(done.get("total").decimalValue()).isEqualByComparingTo("100");
            assertThat(done.get("qualified").asBoolean()).isTrue();
            assertThat(done.get("sheets")).hasSize(2);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aSelectedTeacherLogsHoursAndTheDistrictIssuesVerifiesAndRevokesTheCredential() throws Exception {
        String teacher = applicant();
        String id = json.readTree(mvc.perform(post(API + "/nominations").with(as(teacher)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("programCode", NATIONAL, "tierCode", NATIONAL_TIER,
                                "unitId", SCHOOL))))
                .andReturn().getResponse().getContentAsString()).get("id").asText();
        decide(id, PRINCIPAL, "{\"outcome\":\"PASS\"}");

        String today = LocalDate.now(CHINA).toString();
        String hours = "{\"externalRecordId\":\"r-" + UUID.randomUUID() + "\",\"categoryCode\":\"practice\",\"hours\":6,"
                + "\"date\":\"" + today + "\",\"source\":\"ningxia-platform\",\"description\":\"课堂实践 / classroom practice\"}";
        JsonNode entry = call(post(API + "/nominations/" + id + "/training-hours").with(as(teacher))
                .contentType(MediaType.APPLICATION_JSON).content(hours), 200);
        assertThat(entry.get("hours").decimalValue()).isEqualByComparingTo("6");
        assertThat(call(post(API + "/nominations/" + id + "/training-hours").with(as(teacher))
                .contentType(MediaType.APPLICATION_JSON).content(hours), 200).get("id").asText())
                .as("sent again: the stored row").isEqualTo(entry.get("id").asText());
        assertThat(call(get(API + "/nominations/" + id + "/training-hours").with(as(teacher)), 200)).hasSize(1);
        JsonNode progress = call(get(API + "/nominations/" + id + "/training-progress").with(as(teacher)), 200);
        assertThat(progress.get("totalRecorded").decimalValue()).isEqualByComparingTo("6");
        assertThat(progress.get("met").asBoolean()).isFalse();

        assertThat(call(post(API + "/nominations/" + id + "/credentials").with(as(DISTRICT_REVIEWER))
                .contentType(MediaType.APPLICATION_JSON).content("{}"), 400).get("code").asText())
                .as("not before the evaluation qualified the teacher").isEqualTo("outcome-missing");
        qualify(id, teacher);

        MvcResult issued = mvc.perform(post(API + "/nominations/" + id + "/credentials").with(as(DISTRICT_REVIEWER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"holderName\":\"马老师\"}")).andReturn();
        assertThat(issued.getResponse().getStatus()).as(issued.getResponse().getContentAsString()).isEqualTo(201);
        JsonNode credential = json.readTree(issued.getResponse().getContentAsString());
        String number = credential.get("number").asText();
        assertThat(number).startsWith("NA-");
        assertThat(issued.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith(API + "/credentials/" + number);
        assertThat(call(get(API + "/nominations/" + id + "/credentials").with(as(teacher)), 200).findValuesAsText("number"))
                .containsExactly(number);

        JsonNode verified = call(get(API + "/credentials/" + number), 200);
        assertThat(verified.get("status").asText()).as("verified by anyone, without a caller").isEqualTo("VALID");
        assertThat(verified.get("holderName").asText()).isEqualTo("马老师");
        assertThat(verified.has("nominationId")).as("only what the certificate shows").isFalse();

        MvcResult printable = mvc.perform(get(API + "/credentials/" + number + "/printable").with(as(teacher))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")).andReturn();
        assertThat(printable.getResponse().getStatus()).isEqualTo(200);
        assertThat(printable.getResponse().getContentType()).startsWith("text/html");
        assertThat(printable.getResponse().getContentAsString()).contains(number, "马老师");

        JsonNode revoked = call(post(API + "/credentials/" + number + "/revocation").with(as(DISTRICT_REVIEWER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"材料不实 / false records\"}"), 200);
        assertThat(revoked.get("revocation").get("reason").asText()).isEqualTo("材料不实 / false records");
        assertThat(call(get(API + "/credentials/" + number), 200).get("status").asText()).isEqualTo("REVOKED");

        JsonNode again = problem(post(API + "/credentials/" + number + "/revocation").with(as(DISTRICT_REVIEWER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"again\"}"), 409, "already-revoked");
        assertThat(again.get("type").asText()).isEqualTo("https://tierflow.org/problems/already-revoked");
    }

    // ------------------------------------------------------------------------------------ exams, spot checks

    @Test
    void theExamPlatformReportsAResultOnceAndWrongResultsAreRefusedNamingTheField() throws Exception {
        String teacher = applicant();
        String id = call(post(API + "/nominations").with(as(teacher)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("programCode", "west-coast-ai-pilot-2022",
                        "tierCode", "it-backbone-teacher", "unitId", SCHOOL, "facts", Map.of("isBackboneTeacher", true)))),
                201).get("id").asText();
        String results = API + "/nominations/" + id + "/assessment-results";
        String resultId = "theory-" + UUID.randomUUID();
        String theory = "{\"assessmentCode\":\"theory\",\"score\":82.5,\"takenOn\":\"" + LocalDate.now(CHINA)
                + "\",\"source\":\"exam-platform\",\"externalResultId\":\"" + resultId + "\"}";

        JsonNode stored = call(post(results).with(as(teacher)).contentType(MediaType.APPLICATION_JSON).content(theory), 200);
        assertThat(stored.get("passed").asBoolean()).isTrue();
        assertThat(call(post(results).with(as(teacher)).contentType(MediaType.APPLICATION_JSON).content(theory), 200)
                .get("id").asText()).as("sent again: the stored result").isEqualTo(stored.get("id").asText());
        problem(post(results).with(as(teacher)).contentType(MediaType.APPLICATION_JSON)
                .content(theory.replace("82.5", "40")), 409, "conflicting-assessment-result");
        assertThat(problem(post(results).with(as(teacher)).contentType(MediaType.APPLICATION_JSON)
                .content(theory.replace("\"theory\"", "\"karaoke\"").replace(resultId, "other-" + resultId)),
                400, "invalid-assessment-result").get("detail").asText()).contains("karaoke");
        JsonNode missing = problem(post(results).with(as(teacher)).contentType(MediaType.APPLICATION_JSON).content("{}"),
                400, "missing-field");
        assertThat(missing.get("fields").toString())
                .contains("assessmentCode", "score", "takenOn", "source", "externalResultId");
        assertThat(call(get(results).with(as(teacher)), 200).findValuesAsText("assessmentCode")).containsExactly("theory");
    }

    @Test
    void theRegionDrawsASpotCheckAuditsEveryItemAndDownloadsTheReport() throws Exception {
        String teacher = applicant();
        String id = submitAndPassTo(teacher, "CITY");
        decide(id, CITY_REVIEWER, "{\"outcome\":\"PASS\",\"comment\":\"评审确定\"}");
        int year = LocalDate.now(CHINA).getYear();
        String draw = "{\"auditingUnitId\":\"" + REGION + "\",\"year\":" + year + ",\"seed\":20201,"
                + "\"candidates\":{\"basis\":\"PERCENT\",\"value\":100},\"units\":{\"basis\":\"COUNT\",\"value\":1}}";
        String spotChecks = API + "/programs/" + PROGRAM + "/spot-checks";

        problem(post(spotChecks).with(as(CITY_REVIEWER)).contentType(MediaType.APPLICATION_JSON).content(draw),
                403, "not-authorized");
        problem(post(spotChecks).with(as(REGION_REVIEWER)).contentType(MediaType.APPLICATION_JSON).content("{}"),
                400, "missing-field");
        MvcResult drawn = mvc.perform(post(spotChecks).with(as(REGION_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                .content(draw)).andReturn();
        assertThat(drawn.getResponse().getStatus()).as(drawn.getResponse().getContentAsString()).isEqualTo(201);
        JsonNode spotCheck = json.readTree(drawn.getResponse().getContentAsString());
        String spotCheckId = spotCheck.get("id").asText();
        assertThat(drawn.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith(API + "/spot-checks/" + spotCheckId);
        assertThat(spotCheck.get("seed").asLong()).isEqualTo(20201);
        assertThat(spotCheck.get("items").findValuesAsText("nominationId")).as("every candidate in progress").contains(id);
        problem(post(spotChecks).with(as(REGION_REVIEWER)).contentType(MediaType.APPLICATION_JSON).content(draw),
                409, "already-drawn");
        assertThat(call(get(API + "/spot-checks/" + spotCheckId).with(as(REGION_REVIEWER)), 200).get("id").asText())
                .isEqualTo(spotCheckId);
        problem(get(API + "/spot-checks/" + spotCheckId).with(as(CITY_REVIEWER)), 403, "not-authorized");

        JsonNode audits = call(get(API + "/spot-check-audits").with(as(REGION_REVIEWER)), 200);
        int audited = 0;
        for (JsonNode item : audits) {
            if (!item.get("spotCheckId").asText().equals(spotCheckId)) {
                continue;
            }
            String finding = API + "/spot-check-audits/" + item.get("id").asText() + "/finding";
            if (id.equals(item.path("nominationId").asText(null))) {
                problem(post(finding).with(as(REGION_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"finding\":\"ISSUES\"}"), 400, "invalid-comment");
                JsonNode done = call(post(finding).with(as(REGION_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"finding\":\"ISSUES\",\"comment\":\"课例未上传 / lessons not uploaded\"}"), 200);
                assertThat(done.get("finding").asText()).isEqualTo("ISSUES");
                problem(post(finding).with(as(REGION_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"finding\":\"OK\"}"), 409, "already-completed");
            } else {
                call(post(finding).with(as(REGION_REVIEWER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"finding\":\"OK\"}"), 200);
            }
            audited++;
        }
        assertThat(audited).isEqualTo(spotCheck.get("items").size());

        JsonNode report = call(get(API + "/spot-checks/" + spotCheckId + "/report").with(as(REGION_REVIEWER)), 200);
        assertThat(report.get("complete").asBoolean()).isTrue();
        assertThat(report.get("issues").asInt()).isEqualTo(1);
        assertThat(report.get("unitsSampled").asInt()).isEqualTo(1);
        MvcResult csv = mvc.perform(get(API + "/spot-checks/" + spotCheckId + "/report.csv").with(as(REGION_REVIEWER)))
                .andReturn();
        assertThat(csv.getResponse().getStatus()).isEqualTo(200);
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment");
        assertThat(csv.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains(id, "ISSUES", "lessons not uploaded");
    }

    // --------------------------------------------------------------------------------------- problem details

    @Test
    void anIneligibleSubmissionIs400WithEveryFailedRule() throws Exception {
        // The national 2.0 school CIO must be a school leader.
        String notALeader = json.writeValueAsString(Map.of("programCode", NATIONAL, "tierCode", "school-cio",
                "unitId", SCHOOL, "facts", Map.of("isSchoolLeader", false)));
        JsonNode zh = problem(post(API + "/nominations").with(as(applicant())).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).content(notALeader), 400, "not-eligible");
        JsonNode en = problem(post(API + "/nominations").with(as(applicant())).header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB")
                .contentType(MediaType.APPLICATION_JSON).content(notALeader), 400, "not-eligible");

        assertThat(zh.get("title").asText()).isEqualTo("请求无效");
        assertThat(en.get("title").asText()).isEqualTo("Invalid request");
        assertThat(zh.get("detail").asText()).startsWith("不符合申报条件");
        assertThat(en.get("detail").asText()).startsWith("not eligible");
        assertThat(en.get("failures")).hasSize(1);
        assertThat(en.get("failures").get(0).get("ruleCode").asText()).isEqualTo("school-leader");
        assertThat(en.get("failures").get(0).get("reason").asText()).contains("school leadership");
        assertThat(zh.get("failures").get(0).get("reason").asText()).contains("校领导");
        assertThat(zh.get("failures").get(0).get("ruleCode")).isEqualTo(en.get("failures").get(0).get("ruleCode"));
    }

    @Test
    void malformedBodiesAndParametersAre400NamingTheField() throws Exception {
        JsonNode missing = problem(post(API + "/nominations").with(as(applicant())).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.APPLICATION_JSON).content("{\"facts\":{}}"), 400, "missing-field");
        assertThat(json.convertValue(missing.get("fields"), List.class)).containsExactly("programCode", "tierCode", "unitId");
        assertThat(missing.get("detail").asText()).contains("programCode, tierCode, unitId");

        String taskId = openTaskOf(submit(applicant()));
        JsonNode badOutcome = problem(post(API + "/reviews/" + taskId + "/decision").with(as(PRINCIPAL))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"MAYBE\"}"), 400, "invalid-body");
        assertThat(badOutcome.get("detail").asText()).contains("outcome", "PASS", "REJECT");
        assertThat(badOutcome.get("fields").get(0).asText()).isEqualTo("outcome");

        JsonNode noOutcome = problem(post(API + "/reviews/" + taskId + "/decision").with(as(PRINCIPAL))
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"ok\"}"), 400, "missing-field");
        assertThat(noOutcome.get("fields").get(0).asText()).isEqualTo("outcome");

        JsonNode badLevel = problem(get(API + "/inbox").param("level", "MOON").with(as(PRINCIPAL))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh"), 400, "invalid-parameter");
        assertThat(badLevel.get("detail").asText()).contains("level", "MOON", "可选值");

        JsonNode reasonRequired = problem(post(API + "/reviews/" + taskId + "/decision").with(as(PRINCIPAL))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"REJECT\"}"), 400, "reason-required");
        assertThat(reasonRequired.get("status").asInt()).isEqualTo(400);
    }

    @Test
    void withoutACallerEveryEndpointButVerificationIs401() throws Exception {
        JsonNode byDefault = problem(get(API + "/nominations/anything"), 401, "not-authenticated");
        assertThat(byDefault.get("detail").asText()).as("tierflow.default-locale is zh_CN").startsWith("请先登录");
        JsonNode en = problem(get(API + "/inbox").header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9"), 401,
                "not-authenticated");
        assertThat(en.get("title").asText()).isEqualTo("Not authenticated");
        assertThat(en.get("detail").asText()).startsWith("sign in first");
        problem(post(API + "/nominations").contentType(MediaType.APPLICATION_JSON).content(eligibleSubmission()), 401,
                "not-authenticated");
        problem(get(API + "/programs"), 401, "not-authenticated");
    }

    @Test
    void anApproverOfAnotherUnitIs403AndNothingChanges() throws Exception {
        String id = submit(applicant());
        String taskId = openTaskOf(id);

        JsonNode zh = problem(post(API + "/reviews/" + taskId + "/decision").with(as(CITY_REVIEWER))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9,en;q=0.8")
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"PASS\"}"), 403, "not-authorized");
        JsonNode en = problem(post(API + "/reviews/" + taskId + "/claim").with(as(CITY_REVIEWER))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"), 403, "not-authorized");

        assertThat(zh.get("title").asText()).isEqualTo("无权操作");
        assertThat(en.get("title").asText()).isEqualTo("Not authorized");
        assertThat(zh.get("detail").asText()).isNotEqualTo(en.get("detail").asText());
        assertThat(call(get(API + "/nominations/" + id).with(as(CITY_REVIEWER)), 200).get("currentLevel").asText())
                .isEqualTo("SCHOOL");
    }

    @Test
    void aNominationIsReadOnlyByTheApplicantAndItsChainAnyoneElseIs403() throws Exception {
        String applicant = applicant();
        String id = submit(applicant);

        call(get(API + "/nominations/" + id).with(as(applicant)), 200);
        call(get(API + "/nominations/" + id + "/timeline").with(as(PRINCIPAL)), 200);
        call(get(API + "/nominations/" + id + "/timeline").with(as(REGION_REVIEWER)), 200);

        JsonNode zh = problem(get(API + "/nominations/" + id).with(as(applicant()))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"), 403, "not-authorized");
        assertThat(zh.get("detail").asText()).contains("无权查看申报 " + id);
        JsonNode en = problem(get(API + "/nominations/" + id + "/timeline").with(as("reviewer-shizuishan"))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"), 403, "not-authorized");
        assertThat(en.get("detail").asText()).contains("may not read nomination " + id);
    }

    @Test
    void unknownThingsAre404() throws Exception {
        JsonNode zh = problem(get(API + "/nominations/no-such-nomination").with(as(PRINCIPAL))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh"), 404, "not-found");
        JsonNode en = problem(get(API + "/nominations/no-such-nomination").with(as(PRINCIPAL))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"), 404, "not-found");
        assertThat(zh.get("title").asText()).isEqualTo("未找到");
        assertThat(en.get("title").asText()).isEqualTo("Not found");
        assertThat(en.get("type").asText()).isEqualTo("https://tierflow.org/problems/not-found");
        assertThat(en.get("instance").asText()).isEqualTo(API + "/nominations/no-such-nomination");

        problem(get(API + "/programs/no-such-program").with(as(PRINCIPAL)), 404, "unknown-program");
        problem(post(API + "/reviews/no-such-task/claim").with(as(PRINCIPAL)), 404, "not-found");
        problem(get(API + "/rounds/no-such-round").with(as(PRINCIPAL)), 404, "not-found");
        JsonNode publicly = problem(get(API + "/credentials/NA-2025-AAAA-AAAA-AAAA-AAAA").header(HttpHeaders.ACCEPT_LANGUAGE, "en"),
                404, "not-found");
        assertThat(publicly.get("detail").asText()).contains("NA-2025-AAAA-AAAA-AAAA-AAAA");
        problem(get(API + "/credentials/NA-2025-AAAA-AAAA-AAAA-AAAA/printable").with(as(PRINCIPAL)), 404, "not-found");
    }

    @Test
    void aBodyThatIsNotJsonIs415() throws Exception {
        problem(post(API + "/nominations").with(as(applicant())).contentType(MediaType.TEXT_PLAIN).content("apply"),
                415, "unsupported-media-type");
    }

    @Test
    void claimingAReviewSomeoneElseClaimedIs409() throws Exception {
        String taskId = openTaskOf(submit(applicant()));
        call(post(API + "/reviews/" + taskId + "/claim").with(as(PRINCIPAL)), 200);

        JsonNode zh = problem(post(API + "/reviews/" + taskId + "/claim").with(as(VICE_PRINCIPAL))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh"), 409, "already-claimed");
        JsonNode en = problem(post(API + "/reviews/" + taskId + "/claim").with(as(VICE_PRINCIPAL))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"), 409, "already-claimed");
        assertThat(zh.get("detail").asText()).contains("已被", PRINCIPAL);
        assertThat(en.get("detail").asText()).contains("already claimed by " + PRINCIPAL);
        assertThat(en.get("title").asText()).isEqualTo("Conflict with the current state");
    }

    @Test
    void theHostsOwnControllersKeepTheirOwnErrorHandling() {
        assertThatThrownBy(() -> mvc.perform(get("/host/refusal").with(as(PRINCIPAL))))
                .as("TierFlow's advice is scoped to TierFlow's controllers")
                .isInstanceOf(ServletException.class)
                .hasCauseInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void theOpenApiDescriptionIsServedPublicly() throws Exception {
        MvcResult result = mvc.perform(get(API + "/openapi.yaml")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).startsWith("openapi: 3.0").contains("url: " + API);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyMappedEndpointIsInTheOpenApiDescriptionAndNothingElse() throws Exception {
        Map<String, Object> description;
        try (var in = getClass().getClassLoader().getResourceAsStream(OpenApiController.LOCATION)) {
            description = new Yaml().load(in);
        }
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) description.get("paths");
        Set<String> described = new HashSet<>();
        paths.forEach((path, operations) -> operations.keySet().forEach(method -> described.add(method + " " + path)));

        Set<String> mapped = new HashSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : handlerMapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = handler.getKey();
            if (info.getPatternValues().stream().noneMatch(pattern -> pattern.startsWith(API + "/"))) {
                continue;
            }
            assertThat(info.getMethodsCondition().getMethods()).as("%s has one HTTP method", info).hasSize(1);
            String method = info.getMethodsCondition().getMethods().iterator().next().name().toLowerCase();
            for (String pattern : info.getPatternValues()) {
                assertThat(pattern).startsWith(API + "/");
                mapped.add(method + " " + pattern.substring(API.length()));
            }
        }
        assertThat(mapped).as("TierFlow's endpoints").hasSizeGreaterThan(25);
        assertThat(described).as("described in %s", OpenApiController.LOCATION).containsExactlyInAnyOrderElementsOf(mapped);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** The caller, as the host's security would set it. */
    static RequestPostProcessor as(String user) {
        Principal principal = () -> user;
        return request -> {
            request.setUserPrincipal(principal);
            return request;
        };
    }

    static String applicant() {
        return "teacher-" + UUID.randomUUID();
    }

    static String eligibleSubmission() {
        return "{\"programCode\":\"" + PROGRAM + "\",\"tierCode\":\"" + TIER + "\",\"unitId\":\"" + SCHOOL
                + "\",\"facts\":{\"teacherInInformatisationStudio\":true},\"attachments\":[\"cv.pdf\"]}";
    }

    /** Performs, expects the status, and reads the JSON body. */
    JsonNode call(MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return json.readTree(result.getResponse().getContentAsString());
    }

    /** Performs, expects a problem detail with this status and code, and reads it. */
    JsonNode problem(MockHttpServletRequestBuilder request, int status, String code) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        String body = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = json.readTree(body);
        assertThat(problem.get("code").asText()).as(body).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isEqualTo(TierFlowProblemHandler.TYPE_PREFIX + code);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        return problem;
    }

    String submit(String applicant) throws Exception {
        return call(post(API + "/nominations").with(as(applicant)).contentType(MediaType.APPLICATION_JSON)
                .content(eligibleSubmission()), 201).get("id").asText();
    }

    /** The nomination's open review, found in the inbox of whoever may act on it now. */
    String openTaskOf(String nominationId) throws Exception {
        for (String approver : List.of(PRINCIPAL, DISTRICT_REVIEWER, CITY_REVIEWER)) {
            JsonNode inbox = call(get(API + "/inbox").param("size", "500").with(as(approver)), 200);
            for (JsonNode task : inbox.get("items")) {
                if (task.get("nominationId").asText().equals(nominationId)) {
                    return task.get("taskId").asText();
                }
            }
        }
        throw new AssertionError("no open review of " + nominationId);
    }

    void decide(String nominationId, String approver, String decision) throws Exception {
        call(post(API + "/reviews/" + openTaskOf(nominationId) + "/decision").with(as(approver))
                .contentType(MediaType.APPLICATION_JSON).content(decision), 200);
    }

    /** Submits and passes the school and the district: the nomination then waits at the city. */
    String submitAndPassTo(String applicant, String level) throws Exception {
        String id = submit(applicant);
        for (String approver : List.of(PRINCIPAL, DISTRICT_REVIEWER)) {
            decide(id, approver, "{\"outcome\":\"PASS\",\"comment\":\"同意\"}");
        }
        assertThat(call(get(API + "/nominations/" + id).with(as(PRINCIPAL)), 200).get("currentLevel").asText())
                .isEqualTo(level);
        return id;
    }

    static String taskOf(JsonNode inbox, String nominationId) {
        for (JsonNode task : inbox.get("items")) {
            if (task.get("nominationId").asText().equals(nominationId)) {
                return task.get("taskId").asText();
            }
        }
        throw new AssertionError("no task of " + nominationId + " in " + inbox);
    }
}
