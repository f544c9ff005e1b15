package org.tierflow.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The portal starts on the embedded default and lists the two programs it seeds (Qingdao's and Ningxia's), in
 * Chinese and in English; the dashboard switches language; the diagrams are PNGs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoPortalIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Test
    void homePageListsTheSeededProgramsInChineseByDefault() {
        ResponseEntity<String> page = http.getForEntity("/", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody())
                .contains("培养方案")
                .contains("data-program=\"qingdao-digital-talent-2023\"")
                .contains("data-program=\"ningxia-internet-plus-education-2020\"")
                .contains("应用示范顶尖人才")
                .doesNotContain("data-program=\"qingdao-135-plan-2023\"")
                .doesNotContain("data-program=\"west-coast-ai-pilot-2022\"")
                .doesNotContain("data-program=\"national-ability-2-0-2019\"");
    }

    @Test
    void englishIsOneClickAway() {
        String page = http.getForObject("/?lang=en", String.class);

        assertThat(page).contains("Programs").contains("application-demonstration top talent");
    }

    @Test
    void programPageShowsEachTiersChain() {
        String page = http.getForObject("/programs/ningxia-internet-plus-education-2020?lang=en", String.class);

        assertThat(page).contains("class=\"chain\"").contains("decide");
    }

    @Test
    void theDashboardIsInChineseByDefaultAndSwitchesToEnglish() {
        Browser browser = new Browser(http);

        Browser.Page chinese = browser.get("/dashboard?program=qingdao-digital-talent-2023");
        assertThat(chinese.status().value()).isEqualTo(200);
        assertThat(chinese.text()).contains("数据看板", "按人才类别", "按所在层级", "按状态", "审核中", "已入选", "市级首席信息官");

        Browser.Page english = browser.get("/dashboard?program=qingdao-digital-talent-2023&lang=en");
        assertThat(english.text()).contains("Dashboard", "By tier", "By level (in review)", "By state", "In review",
                        "Selected", "City-level chief information officer (CIO)", "Review inbox")
                .doesNotContain("数据看板", "按人才类别");
        assertThat(english.data("tier")).containsExactly("cio", "leading-principal", "elite-teacher");

        // The language is remembered: the next page without ?lang is English too.
        assertThat(browser.get("/dashboard").text()).contains("Dashboard").doesNotContain("数据看板");
    }

    @Test
    void theProcessDiagramsArePngs() {
        for (String path : new String[] {"/diagrams/nomination.png", "/diagrams/level-review.png"}) {
            ResponseEntity<byte[]> png = http.getForEntity(path, byte[].class);

            assertThat(png.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(png.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
            assertIsPng(png.getBody());
        }
        assertThat(http.getForEntity("/diagrams/unknown.png", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    static void assertIsPng(byte[] image) {
        assertThat(image).as("PNG signature").startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        assertThat(image.length).as("a real picture, not an empty canvas").isGreaterThan(5_000);
    }
}
