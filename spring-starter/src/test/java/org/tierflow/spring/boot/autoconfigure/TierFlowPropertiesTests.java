package org.tierflow.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.tierflow.core.api.ReviewPolicies.EmptyApproverPolicy;
import org.tierflow.core.api.ReviewPolicies.SelfApprovalPolicy;

class TierFlowPropertiesTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TierFlowProgramsAutoConfiguration.class));

    @Test
    void defaults() {
        contextRunner.run(context -> {
            TierFlowProperties properties = context.getBean(TierFlowProperties.class);
            assertThat(properties.getPrograms().getLocations()).containsExactly("classpath*:tierflow/programs/*.yaml");
            assertThat(properties.getOrganisations().getLocation()).isNull();
            assertThat(properties.getDefaultLocale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
            assertThat(properties.getReview().getEmptyApprovers()).isEqualTo(EmptyApproverPolicy.ESCALATE);
            assertThat(properties.getReview().getAdministrator()).isNull();
            assertThat(properties.getReview().getSelfApproval()).isEqualTo(SelfApprovalPolicy.SKIP_TO_NEXT_LEVEL);
            assertThat(properties.getPublicity().getPeriod()).isEqualTo(Duration.ofDays(5));
            assertThat(properties.getPublicity().workingDays()).isEqualTo(5);
            assertThat(properties.getPublicity().getZone()).isEqualTo(java.time.ZoneId.of("Asia/Shanghai"));
            assertThat(properties.getPublicity().getHolidays()).isEmpty();
            assertThat(properties.getPublicity().getMakeUpWorkingDays()).isEmpty();
            assertThat(properties.getReminders().getLeadTimes()).containsExactly(Duration.ofDays(3), Duration.ofDays(1));
            assertThat(properties.getWeb().isEnabled()).isFalse();
            assertThat(properties.getJobs().isEnabled()).isTrue();
            assertThat(properties.getEvents().isPublishApplicationEvents()).isTrue();
        });
    }

    @Test
    void bindsEveryProperty() {
        contextRunner.withPropertyValues("tierflow.default-locale=en_GB", "tierflow.review.empty-approvers=administrator",
                        "tierflow.review.administrator=bureau-admin", "tierflow.review.self-approval=exclude-applicant",
                        "tierflow.publicity.period=7d", "tierflow.publicity.zone=Asia/Urumqi",
                        "tierflow.publicity.holidays=2026-10-01,2026-10-02",
                        "tierflow.publicity.make-up-working-days=2026-10-10", "tierflow.reminders.lead-times=5d,2d,12h",
                        "tierflow.web.enabled=true", "tierflow.jobs.enabled=false",
                        "tierflow.events.publish-application-events=false")
                .run(context -> {
                    TierFlowProperties properties = context.getBean(TierFlowProperties.class);
                    assertThat(properties.getDefaultLocale()).isEqualTo(Locale.UK);
                    assertThat(properties.getReview().getEmptyApprovers()).isEqualTo(EmptyApproverPolicy.ADMINISTRATOR);
                    assertThat(properties.getReview().getAdministrator()).isEqualTo("bureau-admin");
                    assertThat(properties.getReview().getSelfApproval()).isEqualTo(SelfApprovalPolicy.EXCLUDE_APPLICANT);
                    assertThat(properties.getPublicity().getPeriod()).isEqualTo(Duration.ofDays(7));
                    assertThat(properties.getPublicity().getZone()).isEqualTo(java.time.ZoneId.of("Asia/Urumqi"));
                    assertThat(properties.getPublicity().getHolidays())
                            .containsExactly(java.time.LocalDate.of(2026, 10, 1), java.time.LocalDate.of(2026, 10, 2));
                    org.tierflow.core.spi.WorkingDayCalendar calendar = properties.getPublicity().toCalendar();
                    assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2026, 10, 10))).as("make-up Saturday").isTrue();
                    assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2026, 10, 1))).isFalse();
                    assertThat(properties.getReminders().getLeadTimes())
                            .isEqualTo(List.of(Duration.ofDays(5), Duration.ofDays(2), Duration.ofHours(12)));
                    assertThat(properties.getWeb().isEnabled()).isTrue();
                    assertThat(properties.getJobs().isEnabled()).isFalse();
                    assertThat(properties.getEvents().isPublishApplicationEvents()).isFalse();
                });
    }

    @Test
    void aPublicityPeriodThatIsNotWholeDaysIsRefusedNamingTheProperty() {
        contextRunner.withPropertyValues("tierflow.publicity.period=36h").run(context -> {
            TierFlowProperties properties = context.getBean(TierFlowProperties.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> properties.getPublicity().workingDays())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("tierflow.publicity.period").hasMessageContaining("PT36H");
        });
    }

    @Test
    void aValueThatDoesNotBindNamesTheProperty() {
        contextRunner.withPropertyValues("tierflow.review.empty-approvers=SOMETIMES").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("SOMETIMES");
            BindException bind = findCause(context.getStartupFailure(), BindException.class);
            assertThat(bind).hasMessageContaining("tierflow.review.empty-approvers");
            assertThat(bind.getProperty().getName()).hasToString("tierflow.review.empty-approvers");
            assertThat(bind.getProperty().getValue()).isEqualTo("SOMETIMES");
        });
    }

    @Test
    void aDurationThatDoesNotBindNamesTheProperty() {
        contextRunner.withPropertyValues("tierflow.reminders.lead-times=3d,tomorrow")
                .run(context -> assertThat(findCause(context.getStartupFailure(), BindException.class))
                        .hasMessageContaining("tierflow.reminders.lead-times"));
    }

    @Test
    void everyPropertyHasADescriptionInTheMetadataAndTheReference() throws Exception {
        JsonNode properties;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            properties = new ObjectMapper().readTree(in).get("properties");
        }
        List<String> names = new ArrayList<>();
        properties.forEach(property -> {
            names.add(property.get("name").asText());
            assertThat(property.path("description").asText()).as(property.get("name").asText()).isNotBlank();
            if ("java.lang.Boolean".equals(property.path("type").asText())) {
                assertThat(property.get("description").asText()).as(property.get("name").asText()).startsWith("Whether");
            }
        });
        assertThat(names).contains("tierflow.programs.locations", "tierflow.organisations.location",
                "tierflow.default-locale", "tierflow.review.empty-approvers", "tierflow.review.administrator",
                "tierflow.review.self-approval", "tierflow.publicity.period", "tierflow.publicity.zone",
                "tierflow.publicity.holidays", "tierflow.publicity.make-up-working-days", "tierflow.reminders.lead-times",
                "tierflow.web.enabled", "tierflow.jobs.enabled", "tierflow.events.publish-application-events",
                "tierflow.metrics.review-overdue-after", "tierflow.metrics.refresh-interval");
        String reference = Files.readString(Path.of("../docs/reference/properties.md"));
        assertThat(names).as("properties documented in docs/reference/properties.md")
                .allSatisfy(name -> assertThat(reference).contains("`" + name + "`"));
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
    }
}
