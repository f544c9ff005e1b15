package org.tierflow.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The selection-round and training-hour pages, clicked as their users would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SelectionAndTrainingPagesTests {

    static final String NINGXIA_TEACHING = "ningxia-internet-plus-education-2020/teaching-talent";
    static final String QINGDAO_ELITE = "qingdao-digital-talent-2023/elite-teacher";
    static final String YINCHUAN_OPTION = NINGXIA_TEACHING + "/nx-yinchuan";

    @Autowired
    TestRestTemplate http;

    @Test
    void theCitySelectsABatchWithinQuotaFromARankedRound() {
        String liMing = waitingAtCity("li-ming", "zhang-jianguo", "chen-jing");
        String wangFang = waitingAtCity("wang-fang", "liu-zhiqiang", "yang-fan");

        Browser city = new Browser(http).as("sun-li");
        Browser.Page selection = city.get("/selection");
        assertThat(selection.status().value()).isEqualTo(200);
        assertThat(selection.text()).contains("分批遴选", "开启批次");
        assertThat(selection.data("option")).contains(YINCHUAN_OPTION);

        Browser.Page round = city.post("/selection/rounds", Map.of("option", YINCHUAN_OPTION));
        Matcher roundPath = Pattern.compile("^/selection/rounds/([0-9a-f-]{36})$").matcher(round.path());
        assertThat(roundPath.find()).as("redirected to the round, not %s: %s", round.path(), round.text()).isTrue();
        String roundUrl = round.path();
        assertThat(round.data("round-open")).containsExactly("true");
        assertThat(round.data("candidate")).contains(liMing, wangFang);
        assertThat(round.text()).contains("候选人排名", "类别总名额");
        int tierUsedBefore = Integer.parseInt(round.data("tier-used").get(0));
        assertThat(round.data("tier-quota")).containsExactly("1000");

        // A second round for the same unit, level and tier overlaps the first: refused, in the user's words.
        Browser.Page overlapping = city.post("/selection/rounds", Map.of("option", YINCHUAN_OPTION));
        assertThat(overlapping.status().value()).isEqualTo(422);
        assertThat(overlapping.data("error")).isNotEmpty();

        // A score moves Wang Fang ahead of Li Ming.
        Browser.Page scored = city.post(roundUrl + "/scores", Map.of("nomination", wangFang, "score", "92.5"));
        assertThat(scored.text()).contains("评分已录入");
        List<String> ranked = scored.data("candidate");
        assertThat(ranked.indexOf(wangFang)).isLessThan(ranked.indexOf(liMing));

        // Nothing ticked: the batch is refused as a whole and nothing changes.
        Browser.Page empty = city.post(roundUrl + "/batch", Map.of("comment", "第一批"));
        assertThat(empty.status().value()).isEqualTo(422);
        assertThat(empty.data("problem")).containsExactly("nothing-selected");

        Browser.Page batch = city.postForm(roundUrl + "/batch", form("nomination", liMing, "nomination", wangFang, "comment", "第一批"));
        assertThat(batch.status().value()).isEqualTo(200);
        assertThat(batch.data("selected")).containsExactlyInAnyOrder(liMing, wangFang);
        assertThat(batch.text()).contains("本批选定 2 人");
        assertThat(Integer.parseInt(batch.data("tier-used").get(0))).isEqualTo(tierUsedBefore + 2);
        assertThat(batch.data("candidate")).doesNotContain(liMing, wangFang);
        assertThat(new Browser(http).as("li-ming").get("/nominations/" + liMing).data("state")).first().isEqualTo("SELECTED");

        Browser.Page english = city.get(roundUrl + "?lang=en");
        assertThat(english.text()).contains("Selection round", "Ranked candidates", "Tier quota: used / total");

        // A district reviewer opens rounds only where the district decides (backbone talents), and may not look
        // into the city's round; a principal decides nowhere.
        Browser district = new Browser(http).as("chen-jing");
        assertThat(district.get("/selection").data("option"))
                .containsExactly("ningxia-internet-plus-education-2020/backbone-talent/nx-yinchuan-jinfeng");
        assertThat(district.get(roundUrl).status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new Browser(http).as("zhang-jianguo").get("/selection").data("no-options")).containsExactly("true");
    }

    @Test
    void aSelectedCandidateRecordsTrainingHoursAndSeesWhatIsMissing() {
        Browser applicant = new Browser(http).as("zhou-min");
        String id = nominationId(applicant.post("/nominations",
                Map.of("tier", QINGDAO_ELITE, "fact.digitalTrainingHours", "24")));

        Browser.Page notYet = applicant.get("/nominations/" + id + "/training");
        assertThat(notYet.status().value()).isEqualTo(200);
        assertThat(notYet.data("not-applicable")).containsExactly("not-selected");

        for (String[] approver : new String[][] {{"hu-jun"}, {"gao-jie"}, {"lin-feng"}}) {
            pass(new Browser(http).as(approver[0]), id);
        }
        Browser.Page nomination = applicant.get("/nominations/" + id);
        assertThat(nomination.data("state")).first().isEqualTo("SELECTED");
        assertThat(nomination.data("training-link")).containsExactly("true");

        Browser.Page progress = applicant.get("/nominations/" + id + "/training");
        assertThat(progress.data("met")).containsExactly("false");
        assertThat(progress.data("category")).containsExactly("centralised", "online", "practice-base");
        assertThat(progress.data("missing")).map(BigDecimal::new).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("20"), new BigDecimal("48"), BigDecimal.ZERO);
        assertThat(progress.data("missing-item")).isNotEmpty();
        assertThat(progress.text()).contains("培训学时", "尚缺", "集中学习", "网络培训");
        String today = defaultDate(progress);

        Browser.Page tooMany = applicant.post("/nominations/" + id + "/training",
                Map.of("category", "online", "hours", "30", "date", today, "description", "网络研修"));
        assertThat(tooMany.status().value()).isEqualTo(422);
        assertThat(tooMany.data("error")).isNotEmpty();
        assertThat(tooMany.body()).as("the form keeps what was entered").contains("value=\"30\"");

        record(applicant, id, "centralised", "20", today, "集中研修");
        record(applicant, id, "online", "24", today, "网络研修一");
        Browser.Page partly = record(applicant, id, "online", "12", today, "网络研修二");
        assertThat(partly.data("recorded")).map(BigDecimal::new).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("20"), new BigDecimal("36"), BigDecimal.ZERO);
        assertThat(partly.data("met")).containsExactly("false");
        assertThat(partly.data("entry")).hasSize(3);

        Browser.Page done = record(applicant, id, "online", "12", today, "网络研修三");
        assertThat(done.data("met")).containsExactly("true");
        assertThat(done.data("missing-item")).isEmpty();
        assertThat(done.text()).contains("已满足全部要求");

        Browser.Page english = applicant.get("/nominations/" + id + "/training?lang=en");
        assertThat(english.text()).contains("Training hours", "All requirements met", "Centralised learning", "Ledger");
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Applies as the applicant and passes the school and the district: the nomination then waits at the city. */
    private String waitingAtCity(String applicant, String principal, String district) {
        String id = nominationId(new Browser(http).as(applicant).post("/nominations",
                Map.of("tier", NINGXIA_TEACHING, "fact.teacherInInformatisationStudio", "true")));
        pass(new Browser(http).as(principal), id);
        pass(new Browser(http).as(district), id);
        return id;
    }

    private static void pass(Browser approver, String nominationId) {
        Matcher row = Pattern.compile("data-task=\"([^\"]+)\" data-nomination=\"" + Pattern.quote(nominationId) + "\"")
                .matcher(approver.get("/inbox").body());
        assertThat(row.find()).as("the nomination is in the inbox").isTrue();
        Browser.Page after = approver.post("/reviews/" + row.group(1) + "/decision", Map.of("outcome", "PASS", "comment", "同意"));
        assertThat(after.path()).as(after.text()).startsWith("/nominations/" + nominationId);
    }

    private static Browser.Page record(Browser applicant, String id, String category, String hours, String date, String what) {
        Browser.Page page = applicant.post("/nominations/" + id + "/training",
                Map.of("category", category, "hours", hours, "date", date, "description", what));
        assertThat(page.path()).as(page.text()).startsWith("/nominations/" + id + "/training?recorded");
        assertThat(page.data("recorded-notice")).containsExactly("true");
        return page;
    }

    private static String defaultDate(Browser.Page page) {
        Matcher date = Pattern.compile("name=\"date\" value=\"(\\d{4}-\\d{2}-\\d{2})\"").matcher(page.body());
        assertThat(date.find()).as("the form proposes today").isTrue();
        return date.group(1);
    }

    private static MultiValueMap<String, String> form(String... keysAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            form.add(keysAndValues[i], keysAndValues[i + 1]);
        }
        return form;
    }

    private static String nominationId(Browser.Page submitted) {
        Matcher path = Pattern.compile("^/nominations/([0-9a-f-]{36})").matcher(submitted.path());
        assertThat(path.find()).as("redirected to the new nomination, not %s: %s", submitted.path(), submitted.text()).isTrue();
        return path.group(1);
    }
}
