package org.tierflow.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The portal starts on the embedded default and lists the five seed programs, in Chinese and in English. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoPortalIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Test
    void homePageListsTheFiveSeedProgramsInChineseByDefault() {
        ResponseEntity<String> page = http.getForEntity("/", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody())
                .contains("培养方案")
                .contains("data-program=\"qingdao-digital-talent-2023\"")
                .contains("data-program=\"qingdao-135-plan-2023\"")
                .contains("data-program=\"west-coast-ai-pilot-2022\"")
                .contains("data-program=\"national-ability-2-0-2019\"")
                .contains("data-program=\"ningxia-internet-plus-education-2020\"")
                .contains("应用示范顶尖人才");
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
}
