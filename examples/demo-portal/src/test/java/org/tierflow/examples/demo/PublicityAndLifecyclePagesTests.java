package org.tierflow.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The publicity page (publish, object, resolve, export) and the life-cycle page (task book), clicked as their users would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicityAndLifecyclePagesTests {

    static final String NINGXIA_TEACHING = "ningxia-internet-plus-education-2020/teaching-talent";
    /** Shizuishan decides teaching talents; no other page test selects there, so its publications are this test's. */
    static final String SHIZUISHAN_OPTION = NINGXIA_TEACHING + "/nx-shizuishan";

    @Autowired
    TestRestTemplate http;

    @Test
    void theCityPublishesItsSelectionAndResolvesObjections() {
        String zhaoLei = selectedInShizuishan();

        Browser city = new Browser(http).as("wu-gang");
        Browser.Page list = city.get("/publicity");
        assertThat(list.status().value()).isEqualTo(200);
        assertThat(list.text()).contains("入选公示", "发布公示");
        assertThat(list.data("option")).contains(SHIZUISHAN_OPTION);
        assertThat(new Browser(http).as("zhang-jianguo").get("/publicity").data("no-options")).containsExactly("true");

        // A principal decides nowhere: refused in the user's words, nothing published.
        Browser.Page notAllowed = new Browser(http).as("huang-ying").post("/publicity", Map.of("option", SHIZUISHAN_OPTION));
        assertThat(notAllowed.status().value()).isEqualTo(422);
        assertThat(notAllowed.data("error")).isNotEmpty();

        Browser.Page published = city.post("/publicity", Map.of("option", SHIZUISHAN_OPTION));
        Matcher path = Pattern.compile("^/publicity/([0-9a-f-]{36})\\?published$").matcher(published.path());
        assertThat(path.find()).as("redirected to the publication, not %s: %s", published.path(), published.text()).isTrue();
        String publicationUrl = "/publicity/" + path.group(1);
        assertThat(published.data("published-notice")).containsExactly("true");
        assertThat(published.data("open")).containsExactly("true");
        assertThat(published.data("entry")).contains(zhaoLei);
        assertThat(statusOf(published, zhaoLei)).isEqualTo("PUBLISHED");
        assertThat(published.text()).contains("公示人选", "公示中", "尚无异议");
        assertThat(city.get("/publicity").data("publication")).contains(path.group(1));

        // Nobody left to publish: refused.
        Browser.Page again = city.post("/publicity", Map.of("option", SHIZUISHAN_OPTION));
        assertThat(again.status().value()).isEqualTo(422);
        assertThat(again.data("error")).containsExactly("nothing-to-publish");

        // Any signed-in user objects; a reason is required.
        Browser objector = new Browser(http).as("li-ming");
        Browser.Page noReason = objector.post(publicationUrl + "/objections", Map.of("nomination", zhaoLei, "reason", " "));
        assertThat(noReason.status().value()).isEqualTo(422);
        assertThat(noReason.data("error")).containsExactly("reason-required");
        Browser.Page filed = objector.post(publicationUrl + "/objections", Map.of("nomination", zhaoLei, "reason", "材料与事实不符"));
        assertThat(filed.data("objected-notice")).containsExactly("true");
        assertThat(filed.data("objection")).as("only the publishing unit's reviewers see the objections").isEmpty();

        // The city sees it and dismisses it with a reason; the candidate stays published.
        Browser.Page review = city.get(publicationUrl);
        assertThat(review.data("objection-outcome")).containsExactly("OPEN");
        String objection = review.data("objection").get(0);
        Browser.Page noResolutionReason = city.post(publicationUrl + "/objections/" + objection + "/resolution",
                Map.of("outcome", "DISMISSED", "reason", ""));
        assertThat(noResolutionReason.status().value()).isEqualTo(422);
        assertThat(noResolutionReason.data("error")).isNotEmpty();
        Browser.Page dismissed = city.post(publicationUrl + "/objections/" + objection + "/resolution",
                Map.of("outcome", "DISMISSED", "reason", "经核实材料属实"));
        assertThat(dismissed.data("resolved-notice")).containsExactly("true");
        assertThat(dismissed.data("objection-outcome")).containsExactly("DISMISSED");
        assertThat(statusOf(dismissed, zhaoLei)).isEqualTo("PUBLISHED");
        assertThat(dismissed.text()).contains("异议不成立", "经核实材料属实");

        // Another objection, upheld: the candidate is removed.
        objector.post(publicationUrl + "/objections", Map.of("nomination", zhaoLei, "reason", "存在师德问题"));
        String second = city.get(publicationUrl).data("objection").get(1);
        Browser.Page upheld = city.post(publicationUrl + "/objections/" + second + "/resolution",
                Map.of("outcome", "UPHELD", "reason", "经调查属实"));
        assertThat(upheld.data("objection-outcome")).containsExactly("DISMISSED", "UPHELD");
        assertThat(statusOf(upheld, zhaoLei)).isEqualTo("REMOVED");
        assertThat(upheld.text()).contains("异议成立，已取消入选");

        // An objector may not resolve.
        Browser.Page notTheirs = objector.post(publicationUrl + "/objections/" + second + "/resolution",
                Map.of("outcome", "DISMISSED", "reason", "x"));
        assertThat(notTheirs.status()).isEqualTo(HttpStatus.FORBIDDEN);

        Browser.Page english = city.get(publicationUrl + "?lang=en");
        assertThat(english.text()).contains("Published candidates", "Download CSV", "Download Excel", "Upheld");

        // The list downloads as CSV (UTF-8 with a byte-order mark) and Excel (a zip).
        assertThat(published.data("export")).containsExactly("csv", "xlsx");
        ResponseEntity<byte[]> csv = http.getForEntity(publicationUrl + "/export.csv", byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).endsWith(".csv");
        assertThat(new String(csv.getBody(), StandardCharsets.UTF_8)).startsWith("\uFEFF").contains(zhaoLei);
        ResponseEntity<byte[]> xlsx = http.getForEntity(publicationUrl + "/export.xlsx", byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xlsx.getBody()).startsWith('P', 'K');
    }

    @Test
    void theCandidateSignsTheTaskBookAndTheCityCountersigns() {
        String id = selectedInShizuishan();

        Browser applicant = new Browser(http).as("zhao-lei");
        assertThat(applicant.get("/nominations/" + id).data("lifecycle-link")).containsExactly("true");
        Browser.Page page = applicant.get("/nominations/" + id + "/lifecycle");
        assertThat(page.status().value()).isEqualTo(200);
        assertThat(page.data("phase")).containsExactly("TASK_BOOK");
        assertThat(page.data("task-book-state")).containsExactly("AWAITING_CANDIDATE");
        assertThat(page.data("goal")).hasSize(2);
        assertThat(page.text()).contains("项目任务书", "教学研修", "待本人签订", "石嘴山市教育局");
        assertThat(page.data("sign")).containsExactly("true");

        // Only the candidate signs.
        Browser city = new Browser(http).as("wu-gang");
        Browser.Page notTheCandidate = city.post("/nominations/" + id + "/task-book/sign", Map.of());
        assertThat(notTheCandidate.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(notTheCandidate.data("error")).isNotEmpty();
        // Not yet for the countersign.
        Browser.Page tooEarly = city.post("/nominations/" + id + "/task-book/countersign", Map.of());
        assertThat(tooEarly.status().value()).isEqualTo(422);
        assertThat(tooEarly.data("error")).containsExactly("not-awaiting-countersign");

        Browser.Page signed = applicant.post("/nominations/" + id + "/task-book/sign", Map.of());
        assertThat(signed.data("signed-notice")).containsExactly("true");
        assertThat(signed.data("task-book-state")).containsExactly("AWAITING_COUNTERSIGN");
        assertThat(signed.data("countersign")).containsExactly("true");

        // The candidate may not countersign; the city may.
        assertThat(applicant.post("/nominations/" + id + "/task-book/countersign", Map.of()).status())
                .isEqualTo(HttpStatus.FORBIDDEN);
        Browser.Page countersigned = city.post("/nominations/" + id + "/task-book/countersign", Map.of());
        assertThat(countersigned.data("countersigned-notice")).containsExactly("true");
        assertThat(countersigned.data("task-book-state")).containsExactly("SIGNED");
        assertThat(countersigned.data("phase")).containsExactly("IMPLEMENTATION");
        assertThat(countersigned.data("sign")).isEmpty();
        assertThat(countersigned.data("countersign")).isEmpty();

        Browser.Page english = applicant.get("/nominations/" + id + "/lifecycle?lang=en");
        assertThat(english.text()).contains("Task book", "Signed", "Implementation", "Teaching study");
    }

    @Test
    void aNominationNotSelectedHasNoLifeCycle() {
        Browser applicant = new Browser(http).as("zhao-lei");
        String id = nominationId(applicant.post("/nominations",
                Map.of("tier", NINGXIA_TEACHING, "fact.teacherInInformatisationStudio", "true")));
        Browser.Page page = applicant.get("/nominations/" + id + "/lifecycle");
        assertThat(page.status().value()).isEqualTo(200);
        assertThat(page.data("no-lifecycle")).containsExactly("true");
        assertThat(page.data("task-book-state")).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Zhao Lei applies; the school, the district and the city (which decides) pass: selected at 石嘴山市教育局. */
    private String selectedInShizuishan() {
        String id = nominationId(new Browser(http).as("zhao-lei").post("/nominations",
                Map.of("tier", NINGXIA_TEACHING, "fact.teacherInInformatisationStudio", "true")));
        for (String approver : new String[] {"huang-ying", "zhou-tao", "wu-gang"}) {
            pass(new Browser(http).as(approver), id);
        }
        assertThat(new Browser(http).as("zhao-lei").get("/nominations/" + id).data("state")).first().isEqualTo("SELECTED");
        return id;
    }

    private static String statusOf(Browser.Page page, String nominationId) {
        Matcher row = Pattern.compile("data-entry=\"" + Pattern.quote(nominationId) + "\" data-entry-status=\"([A-Z]+)\"")
                .matcher(page.body());
        assertThat(row.find()).as("the candidate is listed").isTrue();
        return row.group(1);
    }

    private static void pass(Browser approver, String nominationId) {
        Matcher row = Pattern.compile("data-task=\"([^\"]+)\" data-nomination=\"" + Pattern.quote(nominationId) + "\"")
                .matcher(approver.get("/inbox").body());
        assertThat(row.find()).as("the nomination is in the inbox").isTrue();
        Browser.Page after = approver.post("/reviews/" + row.group(1) + "/decision", Map.of("outcome", "PASS", "comment", "同意"));
        assertThat(after.path()).as(after.text()).startsWith("/nominations/" + nominationId);
    }

    private static String nominationId(Browser.Page submitted) {
        Matcher path = Pattern.compile("^/nominations/([0-9a-f-]{36})").matcher(submitted.path());
        assertThat(path.find()).as("redirected to the new nomination, not %s: %s", submitted.path(), submitted.text()).isTrue();
        return path.group(1);
    }
}
