package org.tierflow.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The portal clicked through as its users would: form posts and links only, each person in their own browser
 * with the user picked in the header's switcher.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NominationWalkthroughTests {

    static final String NINGXIA_TEACHING = "ningxia-internet-plus-education-2020/teaching-talent";
    static final String QINGDAO_CIO = "qingdao-digital-talent-2023/cio";

    @Autowired
    TestRestTemplate http;

    @Test
    void aNominationGoesFromTheApplicantThroughSchoolDistrictAndCity() {
        Browser applicant = new Browser(http).as("li-ming");
        assertThat(applicant.get("/").text()).as("who am I, in the header").contains("我是 李明 申报人 银川市阅海小学");
        assertThat(applicant.get("/?lang=en").text()).contains("I am Li Ming Applicant Yinchuan Yuehai Primary School");
        applicant.get("/?lang=zh");

        Browser.Page form = applicant.get("/nominations/new?tier=" + NINGXIA_TEACHING);
        assertThat(form.status().value()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"fact.teacherInInformatisationStudio\"").contains("type=\"radio\"");
        assertThat(form.text()).contains("为名师网络工作室", "所在学校遴选推荐", "银川市阅海小学");

        Browser.Page submitted = applicant.post("/nominations",
                Map.of("tier", NINGXIA_TEACHING, "fact.teacherInInformatisationStudio", "true"));
        String id = nominationId(submitted);
        assertThat(submitted.text()).contains("申报已提交", "当前所在环节 : 所在学校遴选推荐");
        assertThat(submitted.data("state")).first().isEqualTo("IN_REVIEW");
        assertThat(submitted.data("event")).containsExactly("SUBMITTED");

        Browser.Page mine = applicant.get("/nominations/mine");
        assertThat(mine.data("nomination")).contains(id);
        assertThat(mine.text()).contains("审核中", "“互联网+教育”高端教学人才");

        Browser.Page afterSchool = pass(new Browser(http).as("zhang-jianguo"), id, "所在学校遴选推荐", "同意推荐");
        assertThat(afterSchool.text()).contains("已作出决定： 通过", "当前所在环节 : 县(市、区)教育局初审");
        assertThat(afterSchool.data("event")).containsExactly("SUBMITTED", "PASSED");

        Browser.Page afterDistrict = pass(new Browser(http).as("chen-jing"), id, "县(市、区)教育局初审", "初审通过");
        assertThat(afterDistrict.text()).contains("当前所在环节 : 市教育局评审确定");
        assertThat(afterDistrict.data("state")).first().isEqualTo("IN_REVIEW");

        Browser.Page afterCity = pass(new Browser(http).as("sun-li"), id, "市教育局评审确定", "评审确定");
        assertThat(afterCity.data("state")).first().isEqualTo("SELECTED");
        assertThat(afterCity.data("event")).containsExactly("SUBMITTED", "PASSED", "PASSED", "PASSED", "FILED");
        assertThat(afterCity.text())
                .contains("张建国 同意推荐", "陈静 初审通过", "孙丽 评审确定")
                .contains("备案 省/自治区 宁夏回族自治区教育厅")
                .contains("办理结束");

        Browser.Page mineAfter = applicant.get("/nominations/mine");
        assertThat(mineAfter.text()).contains("已入选");

        // Selected is not yet recognised: the credential waits for the task book, a year's work and a passed
        // acceptance (the life cycle after selection, which the demo has no pages for yet).
        Browser.Page refused = new Browser(http).as("sun-li").post("/nominations/" + id + "/credentials", Map.of());
        assertThat(refused.data("issued")).isEmpty();
        assertThat(refused.text()).contains("还不能获颁认定证书：考核验收尚未通过");
        assertThat(new Browser(http).get("/verify?number=NOPE-0000").data("not-found")).containsExactly("true");
    }

    @Test
    void anIneligibleNominationIsRefusedWithEveryFailedRuleAndItsReason() {
        Browser applicant = new Browser(http).as("xu-xiao");

        Browser.Page refused = applicant.post("/nominations", Map.of("tier", QINGDAO_CIO,
                "fact.yearsInDigitalPlanning", "1", "fact.digitalAcademicBackground", "false",
                "fact.strongLearningAbility", "false", "fact.digitalPapers", "0", "fact.digitalResearchProject", "false"));

        assertThat(refused.status().value()).isEqualTo(422);
        assertThat(refused.path()).isEqualTo("/nominations");
        assertThat(refused.data("rule")).containsExactly("planning-experience", "background-or-learning", "papers-or-research");
        assertThat(refused.text()).contains("未能提交：不符合以下申报条件",
                "担任区域(学校)教育数字化规划研究工作2年以上",
                "具有数字化相关专业学术背景或较强的学习能力",
                "发表3篇以上数字化发展相关论文或参与过相关课题研究");
        assertThat(refused.body()).as("the form keeps what was entered").contains("value=\"1\"");
        assertThat(applicant.get("/nominations/mine").text()).as("nothing was saved").contains("您还没有申报");

        Browser.Page english = applicant.get("/nominations/new?lang=en&tier=" + QINGDAO_CIO);
        assertThat(english.text()).contains("Years in regional or school education-digitalisation planning");
        Browser.Page refusedInEnglish = applicant.post("/nominations", Map.of("tier", QINGDAO_CIO,
                "fact.yearsInDigitalPlanning", "5", "fact.digitalAcademicBackground", "true", "fact.digitalPapers", "1"));
        assertThat(refusedInEnglish.data("rule")).containsExactly("papers-or-research");
        assertThat(refusedInEnglish.text()).contains("At least 3 papers on digital development or a related research project");
    }

    @Test
    void anUnauthorisedDecisionIsRefusedAndChangesNothing() {
        Browser applicant = new Browser(http).as("wang-fang");
        String id = nominationId(applicant.post("/nominations",
                Map.of("tier", NINGXIA_TEACHING, "fact.teacherInInformatisationStudio", "true")));
        String taskId = reviewLink(applicant.get("/nominations/" + id));

        // Chen Jing reviews for Jinfeng district; the nomination waits at a Xingqing school.
        Browser outsider = new Browser(http).as("chen-jing");
        assertThat(outsider.get("/inbox").data("nomination")).doesNotContain(id);
        Browser.Page refused = outsider.post("/reviews/" + taskId + "/decision", Map.of("outcome", "PASS", "comment", "同意"));

        assertThat(refused.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.data("error")).containsExactly("not-authorized");
        assertThat(refused.text()).contains("未能办理", "无权审核单位 nx-yinchuan-xingqing-experimental-primary");

        Browser.Page unchanged = applicant.get("/nominations/" + id);
        assertThat(unchanged.data("state")).first().isEqualTo("IN_REVIEW");
        assertThat(unchanged.data("event")).containsExactly("SUBMITTED");
        assertThat(unchanged.text()).contains("当前所在环节 : 所在学校遴选推荐");
        assertThat(reviewLink(unchanged)).as("the same review is still open").isEqualTo(taskId);

        // In English, the same refusal reads in English.
        Browser.Page english = outsider.post("/reviews/" + taskId + "/decision?lang=en", Map.of("outcome", "PASS"));
        assertThat(english.text()).contains("Refused", "may not decide reviews for unit nx-yinchuan-xingqing-experimental-primary");

        // The right approver, rejecting without a reason, is told a reason is required; nothing changes either.
        Browser principal = new Browser(http).as("liu-zhiqiang");
        assertThat(principal.get("/inbox?program=ningxia-internet-plus-education-2020&tier=teaching-talent&level=SCHOOL")
                .data("nomination")).contains(id);
        assertThat(principal.get("/inbox?program=qingdao-digital-talent-2023").data("nomination")).doesNotContain(id);
        assertThat(principal.get("/inbox?level=CITY").data("nomination")).doesNotContain(id);
        Browser.Page noReason = principal.post("/reviews/" + taskId + "/decision", Map.of("outcome", "REJECT", "comment", " "));
        assertThat(noReason.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.data("error")).containsExactly("reason-required");
        assertThat(noReason.text()).contains("不通过或退回时必须填写理由");
        assertThat(applicant.get("/nominations/" + id).data("event")).containsExactly("SUBMITTED");
    }

    @Test
    void aReturnedNominationIsCorrectedAndResubmitted() {
        Browser applicant = new Browser(http).as("zhao-lei");
        String id = nominationId(applicant.post("/nominations",
                Map.of("tier", NINGXIA_TEACHING, "fact.teacherInInformatisationStudio", "false")));

        Browser principal = new Browser(http).as("huang-ying");
        String taskId = taskInInbox(principal, id);
        Browser.Page returned = principal.post("/reviews/" + taskId + "/decision",
                Map.of("outcome", "RETURN_TO_APPLICANT", "comment", "请补充工作室材料"));
        assertThat(returned.data("state")).first().isEqualTo("RETURNED_FOR_CORRECTION");

        Browser.Page mine = applicant.get("/nominations/" + id);
        assertThat(mine.text()).contains("本申报已退回修改", "请补充工作室材料");
        Browser.Page form = applicant.get("/nominations/" + id + "/resubmission");
        assertThat(form.status().value()).isEqualTo(200);
        Browser.Page resubmitted = applicant.post("/nominations/" + id + "/resubmission",
                Map.of("fact.teacherInInformatisationStudio", "true", "comment", "已补充"));

        assertThat(resubmitted.path()).startsWith("/nominations/" + id);
        assertThat(resubmitted.data("state")).first().isEqualTo("IN_REVIEW");
        assertThat(resubmitted.data("event")).containsExactly("SUBMITTED", "RETURNED_TO_APPLICANT", "RESUBMITTED");
        assertThat(taskInInbox(principal, id)).as("back at the level that returned it").isNotBlank();
    }

    @Test
    void aNominationsDiagramIsAPngWithItsCurrentStepNamedBesideIt() {
        Browser applicant = new Browser(http).as("ma-li");
        String id = nominationId(applicant.post("/nominations",
                Map.of("tier", "ningxia-internet-plus-education-2020/backbone-talent",
                        "fact.improvedTeachingWithInternetPlus", "true")));
        Browser.Page page = applicant.get("/nominations/" + id);
        assertThat(page.body()).contains("/nominations/" + id + "/diagram.png?process=nomination",
                "/nominations/" + id + "/diagram.png?process=level-review");
        assertThat(page.text()).contains("当前所在环节 : 高等学校(区属中职学校)自行组织遴选");

        for (String process : new String[] {"nomination", "level-review"}) {
            ResponseEntity<byte[]> png = http.getForEntity("/nominations/" + id + "/diagram.png?process=" + process, byte[].class);
            assertThat(png.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(png.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
            DemoPortalIntegrationTests.assertIsPng(png.getBody());
        }
    }

    /** The approver opens the nomination's review from their inbox, checks the step, and passes it. */
    private static Browser.Page pass(Browser approver, String nominationId, String stepName, String comment) {
        String taskId = taskInInbox(approver, nominationId);
        Browser.Page review = approver.get("/reviews/" + taskId);
        assertThat(review.status().value()).isEqualTo(200);
        assertThat(review.text()).contains("审核 · " + stepName);
        Browser.Page after = approver.post("/reviews/" + taskId + "/decision", Map.of("outcome", "PASS", "comment", comment));
        assertThat(after.path()).startsWith("/nominations/" + nominationId);
        return after;
    }

    private static String taskInInbox(Browser approver, String nominationId) {
        Browser.Page inbox = approver.get("/inbox");
        Matcher row = Pattern.compile("data-task=\"([^\"]+)\" data-nomination=\"" + Pattern.quote(nominationId) + "\"")
                .matcher(inbox.body());
        assertThat(row.find()).as("the nomination is in the inbox").isTrue();
        return row.group(1);
    }

    private static String reviewLink(Browser.Page nomination) {
        Matcher link = Pattern.compile("href=\"/reviews/([^\"]+)\"").matcher(nomination.body());
        assertThat(link.find()).as("a link to the open review").isTrue();
        return link.group(1);
    }

    private static String nominationId(Browser.Page submitted) {
        Matcher path = Pattern.compile("^/nominations/([0-9a-f-]{36})").matcher(submitted.path());
        assertThat(path.find()).as("redirected to the new nomination, not %s: %s", submitted.path(), submitted.text()).isTrue();
        return path.group(1);
    }
}
