package org.tierflow.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal in a real browser (headless Chromium): a newcomer's clicks, from the applicant to the city's
 * selection, switching users in the header, then screenshots of the dashboard and of the diagrams.
 *
 * <p>Skipped, loudly, on a machine without Chromium; CI installs it and sets {@code TIERFLOW_REQUIRE_BROWSER=true}
 * so these tests always run there. See {@link HeadlessChromium}.
 */
@ExtendWith(HeadlessChromium.Available.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserWalkthroughTests {

    private static HeadlessChromium chromium;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.startOrSkip();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    @Test
    void aNewcomerClicksANominationFromTheApplicantToSelectionAndSeesTheDashboardAndDiagrams() {
        WebDriver browser = chromium.driver();
        browser.get(url("/"));
        switchUser("li-ming");
        assertThat(find(By.cssSelector("[data-whoami]")).getText()).contains("李明", "银川市阅海小学");

        // The applicant chooses the tier from the menu, answers the form and submits.
        find(By.linkText("我要申报")).click();
        new Select(find(By.name("tier")))
                .selectByValue("ningxia-internet-plus-education-2020/teaching-talent");
        find(By.cssSelector("form.inline button[type=submit]")).click();
        find(By.cssSelector("input[name='fact.teacherInInformatisationStudio'][value='true']")).click();
        find(By.cssSelector("form.form button.primary")).click();
        chromium.waiting().until(ExpectedConditions.urlMatches("/nominations/[0-9a-f-]{36}"));
        String nominationId = nominationIdOf(browser.getCurrentUrl());
        assertThat(state()).isEqualTo("IN_REVIEW");
        assertThat(find(By.cssSelector("[data-current-step]")).getText()).contains("所在学校遴选推荐");

        // School, district, city: each approver finds it in the inbox and passes it.
        decideInInbox("zhang-jianguo", nominationId, "所在学校遴选推荐", "同意推荐");
        assertThat(find(By.cssSelector("[data-current-step]")).getText()).contains("县(市、区)教育局初审");

        // Mid-way, the detail page shows both diagrams with the current step highlighted.
        List<WebElement> diagrams = browser.findElements(By.cssSelector("figure.diagram img"));
        assertThat(diagrams).hasSize(2);
        chromium.waiting().until(driver -> diagrams.stream().allMatch(this::loaded));
        for (WebElement diagram : diagrams) {
            assertThat(naturalWidth(diagram)).as(diagram.getAttribute("src")).isGreaterThan(0);
        }
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", diagrams.get(0));
        assertNotBlank(chromium.screenshot("nomination-diagram-page"), "the diagram page");
        byte[] diagram = HeadlessChromium.save("nomination-diagram", diagrams.get(0).getScreenshotAs(OutputType.BYTES));
        assertNotBlank(diagram, "the nomination diagram");

        decideInInbox("chen-jing", nominationId, "县(市、区)教育局初审", "初审通过");
        decideInInbox("sun-li", nominationId, "市教育局评审确定", "评审确定");
        assertThat(state()).isEqualTo("SELECTED");
        assertThat(browser.findElements(By.cssSelector("tr[data-event]")).stream().map(e -> e.getAttribute("data-event")))
                .containsExactly("SUBMITTED", "PASSED", "PASSED", "PASSED", "FILED");
        assertThat(find(By.tagName("main")).getText()).contains("张建国", "陈静", "孙丽", "备案");

        // The applicant sees the outcome among their nominations.
        switchUser("li-ming");
        find(By.linkText("我的申报")).click();
        assertThat(find(By.tagName("main")).getText()).contains("已入选");

        // The dashboard draws its charts.
        find(By.linkText("数据看板")).click();
        find(By.cssSelector("nav.tabs a[href*='ningxia-internet-plus-education-2020']")).click();
        assertThat(Integer.parseInt(find(By.cssSelector("[data-state-count=SELECTED]")).getText()))
                .isGreaterThanOrEqualTo(1);
        assertThat(browser.findElements(By.cssSelector(".bar-fill"))).anySatisfy(bar ->
                assertThat(bar.getSize().getWidth()).as("a bar with a count draws").isGreaterThan(0));
        assertNotBlank(chromium.screenshot("dashboard"), "the dashboard");
    }

    /** Picks the user in the header's switcher, which submits itself. */
    private void switchUser(String userId) {
        WebDriver browser = chromium.driver();
        WebElement before = find(By.tagName("main"));
        new Select(find(By.id("user-switch"))).selectByValue(userId);
        chromium.waiting().until(ExpectedConditions.stalenessOf(before));
        assertThat(new Select(find(By.id("user-switch"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(userId);
    }

    /** As {@code approverId}: opens the inbox, the nomination's review, checks the step and passes it. */
    private void decideInInbox(String approverId, String nominationId, String stepName, String comment) {
        WebDriver browser = chromium.driver();
        switchUser(approverId);
        find(By.linkText("审核待办")).click();
        find(By.cssSelector("tr[data-nomination='" + nominationId + "'] a.button")).click();
        assertThat(find(By.tagName("h1")).getText()).contains(stepName);
        find(By.cssSelector("input[name=outcome][value=PASS]")).click();
        find(By.id("comment")).sendKeys(comment);
        find(By.cssSelector("form.form button.primary")).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-decided]")));
        assertThat(browser.getCurrentUrl()).contains("/nominations/" + nominationId);
    }

    private String state() {
        return chromium.driver().findElement(By.cssSelector("header.page-head [data-state]")).getAttribute("data-state");
    }

    private boolean loaded(WebElement image) {
        return Boolean.TRUE.equals(((JavascriptExecutor) chromium.driver()).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", image));
    }

    private long naturalWidth(WebElement image) {
        return ((Number) ((JavascriptExecutor) chromium.driver()).executeScript("return arguments[0].naturalWidth", image))
                .longValue();
    }

    private static void assertNotBlank(byte[] png, String what) {
        HeadlessChromium.Picture picture = HeadlessChromium.Picture.of(png);
        assertThat(picture.distinctColours()).as("distinct colours in %s (%s)", what, picture).isGreaterThan(16);
        assertThat(picture.inkShare()).as("share of non-white pixels in %s (%s)", what, picture).isGreaterThan(0.02);
    }

    private static String nominationIdOf(String url) {
        Matcher id = Pattern.compile("/nominations/([0-9a-f-]{36})").matcher(url);
        assertThat(id.find()).as(url).isTrue();
        return id.group(1);
    }

    /** The element once the page shows it: a click that submits a form returns before the next page has loaded. */
    private WebElement find(By by) {
        return chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
