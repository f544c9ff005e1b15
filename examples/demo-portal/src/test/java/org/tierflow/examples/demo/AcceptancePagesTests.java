package org.tierflow.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The acceptance on the life-cycle page, clicked as its users would. This node runs no job executor (its own
 * database), so the test runs the working period's due timer on its own thread, at a moved engine clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tierflow.jobs.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:tierflow-demo-acceptance;DB_CLOSE_DELAY=-1"})
class AcceptancePagesTests {

    static final String NINGXIA_TEACHING = "ningxia-internet-plus-education-2020/teaching-talent";

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Test
    void theCityMovesTheWorkingPeriodEndAndTheChainAcceptsTheReport() {
        String id = selectedInShizuishan();
        String page = "/nominations/" + id + "/lifecycle";
        Browser applicant = new Browser(http).as("zhao-lei");
        Browser county = new Browser(http).as("zhou-tao");
        Browser city = new Browser(http).as("wu-gang");
        applicant.post("/nominations/" + id + "/task-book/sign", Map.of());
        Browser.Page implementation = city.post("/nominations/" + id + "/task-book/countersign", Map.of());
        assertThat(implementation.data("phase")).containsExactly("IMPLEMENTATION");
        assertThat(implementation.data("move-end-form")).containsExactly("true");
        assertThat(implementation.data("extensions-used")).containsExactly("0");

        // The end must lie ahead and needs a reason; the candidate may not move it.
        Instant now = engine.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant();
        String tomorrow = LocalDateTime.ofInstant(now.plus(Duration.ofDays(1)), ZoneId.of("Asia/Shanghai"))
                .truncatedTo(ChronoUnit.MINUTES).toString();
        String yesterday = LocalDateTime.ofInstant(now.minus(Duration.ofDays(1)), ZoneId.of("Asia/Shanghai"))
                .truncatedTo(ChronoUnit.MINUTES).toString();
        Browser.Page inPast = city.post(page.replace("lifecycle", "acceptance/working-period-end"),
                Map.of("end", yesterday, "reason", "演示"));
        assertThat(inPast.status().value()).isEqualTo(422);
        assertThat(inPast.data("error")).containsExactly("deadline-in-past");
        assertThat(applicant.post("/nominations/" + id + "/acceptance/working-period-end",
                Map.of("end", tomorrow, "reason", "演示")).status()).isEqualTo(HttpStatus.FORBIDDEN);
        Browser.Page moved = city.post("/nominations/" + id + "/acceptance/working-period-end",
                Map.of("end", tomorrow, "reason", "演示：提前进入考核验收"));
        assertThat(moved.data("period-moved-notice")).as(moved.text()).containsExactly("true");
        assertThat(moved.data("phase")).containsExactly("IMPLEMENTATION");

        runDueTimersAt(now.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(2)));
        Browser.Page acceptance = applicant.get(page);
        assertThat(acceptance.data("phase")).containsExactly("ACCEPTANCE");
        assertThat(acceptance.data("report-form")).containsExactly("true");

        // Nothing to review before the report.
        assertThat(county.post("/nominations/" + id + "/acceptance/review", Map.of("outcome", "PASS")).status().value())
                .isEqualTo(422);
        Browser.Page reported = applicant.post("/nominations/" + id + "/acceptance/report",
                Map.of("report", "完成教学研修与示范课十节。"));
        assertThat(reported.data("reported-notice")).as(reported.text()).containsExactly("true");
        assertThat(reported.data("report")).hasSize(1);

        // The county reviews; the city may not review in its place, and the county may not decide.
        assertThat(city.post("/nominations/" + id + "/acceptance/review", Map.of("outcome", "PASS")).status())
                .isEqualTo(HttpStatus.FORBIDDEN);
        Browser.Page reviewed = county.post("/nominations/" + id + "/acceptance/review",
                Map.of("outcome", "PASS", "comment", "材料齐全"));
        assertThat(reviewed.data("reviewed-notice")).as(reviewed.text()).containsExactly("true");
        assertThat(reviewed.data("acceptance-review")).containsExactly("true");
        assertThat(county.post("/nominations/" + id + "/acceptance/decision",
                Map.of("score", "90", "outcome", "PASS")).status()).isEqualTo(HttpStatus.FORBIDDEN);

        // The city decides only after the on-site acceptance is scheduled.
        Browser.Page tooEarly = city.post("/nominations/" + id + "/acceptance/decision", Map.of("score", "90", "outcome", "PASS"));
        assertThat(tooEarly.status().value()).isEqualTo(422);
        assertThat(tooEarly.data("error")).containsExactly("on-site-not-scheduled");
        String onSiteDay = LocalDateTime.ofInstant(now.plus(Duration.ofDays(3)), ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        Browser.Page scheduled = city.post("/nominations/" + id + "/acceptance/on-site",
                Map.of("date", onSiteDay, "experts", "王专家，李专家"));
        assertThat(scheduled.data("scheduled-notice")).as(scheduled.text()).containsExactly("true");
        assertThat(scheduled.data("on-site")).containsExactly("true");
        assertThat(scheduled.text()).contains("王专家, 李专家", onSiteDay);
        Browser.Page badScore = city.post("/nominations/" + id + "/acceptance/decision", Map.of("score", "九十", "outcome", "PASS"));
        assertThat(badScore.status().value()).isEqualTo(422);
        assertThat(badScore.data("error")).containsExactly("bad-input");

        Browser.Page decided = city.post("/nominations/" + id + "/acceptance/decision",
                Map.of("score", "90", "outcome", "PASS", "comment", "验收合格"));
        assertThat(decided.data("decided-notice")).as(decided.text()).containsExactly("true");
        assertThat(decided.data("round-outcome")).containsExactly("true");
        assertThat(decided.data("phase")).containsExactly("AWAITING_CREDENTIAL");
        assertThat(decided.data("report-form")).isEmpty();
        assertThat(decided.text()).contains("考核验收", "验收通过", "评分 90");

        Browser.Page english = applicant.get(page + "?lang=en");
        assertThat(english.text()).contains("Acceptance", "Round 1", "Passed", "Awaiting the credential");
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Runs the timers due at {@code when} on this thread, then the engine clock is real again. */
    private void runDueTimersAt(Instant when) {
        var clock = engine.getProcessEngineConfiguration().getClock();
        clock.setCurrentTime(Date.from(when));
        try {
            ManagementService management = engine.getManagementService();
            for (Job timer : management.createTimerJobQuery().executable().list()) {
                management.executeJob(management.moveTimerToExecutableJob(timer.getId()).getId());
            }
        } finally {
            clock.reset();
        }
    }

    /** Zhao Lei applies; the school, the district and the city (which decides) pass: selected at 石嘴山市教育局. */
    private String selectedInShizuishan() {
        Browser.Page submitted = new Browser(http).as("zhao-lei").post("/nominations",
                Map.of("tier", NINGXIA_TEACHING, "fact.teacherInInformatisationStudio", "true"));
        Matcher path = Pattern.compile("^/nominations/([0-9a-f-]{36})").matcher(submitted.path());
        assertThat(path.find()).as("redirected to the new nomination, not %s: %s", submitted.path(), submitted.text()).isTrue();
        String id = path.group(1);
        for (String approver : new String[] {"huang-ying", "zhou-tao", "wu-gang"}) {
            Browser browser = new Browser(http).as(approver);
            Matcher row = Pattern.compile("data-task=\"([^\"]+)\" data-nomination=\"" + Pattern.quote(id) + "\"")
                    .matcher(browser.get("/inbox").body());
            assertThat(row.find()).as("the nomination is in the inbox").isTrue();
            browser.post("/reviews/" + row.group(1) + "/decision", Map.of("outcome", "PASS", "comment", "同意"));
        }
        assertThat(new Browser(http).as("zhao-lei").get("/nominations/" + id).data("state")).first().isEqualTo("SELECTED");
        return id;
    }
}
