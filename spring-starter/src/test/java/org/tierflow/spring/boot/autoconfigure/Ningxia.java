package org.tierflow.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flowable.spring.boot.ProcessEngineAutoConfiguration;
import org.flowable.spring.boot.ProcessEngineServicesAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.InboxQuery;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.ReviewService;
import org.tierflow.core.api.ReviewTask;
import org.tierflow.core.support.InMemoryApproverDirectory;

/**
 * The Ningxia "Internet + Education" seed program on the Ningxia organisation tree TierFlow ships: one school
 * in Jinfeng district of Yinchuan, its reviewers up to the region, and a context runner with a real engine on H2.
 */
final class Ningxia {

    static final String PROGRAM = "ningxia-internet-plus-education-2020";
    /** School recommends, district screens, city decides, the region is informed. */
    static final String TIER = "teaching-talent";

    static final String SCHOOL = "nx-yinchuan-jinfeng-yuehai-primary";
    static final String DISTRICT = "nx-yinchuan-jinfeng";
    static final String CITY = "nx-yinchuan";
    static final String REGION = "nx";

    static final String PRINCIPAL = "principal-yuehai";
    static final String DISTRICT_REVIEWER = "reviewer-jinfeng";
    static final String CITY_REVIEWER = "reviewer-yinchuan";
    static final String REGION_REVIEWER = "reviewer-nx";

    /** The seed programs and the Ningxia tree, as a host would configure them. */
    static final String[] PROPERTIES = {
            "tierflow.programs.locations=classpath*:org/tierflow/programs/*.yaml",
            "tierflow.organisations.location=classpath:org/tierflow/organisations/ningxia.yaml"};

    private Ningxia() {
    }

    static InMemoryApproverDirectory approvers() {
        return InMemoryApproverDirectory.builder()
                .grant(SCHOOL, PRINCIPAL)
                .grant(DISTRICT, DISTRICT_REVIEWER)
                .grant(CITY, CITY_REVIEWER)
                .grant(REGION, REGION_REVIEWER)
                .build();
    }

    /**
     * Flowable's engine on an embedded H2 of its own (a fresh database per context) with the host's transaction
     * manager, and TierFlow's auto-configurations; TierFlow itself needs {@link #PROPERTIES} and an approver
     * directory on top.
     */
    static ApplicationContextRunner engineContextRunner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(EngineStack.class)
                .withPropertyValues("spring.datasource.generate-unique-name=true");
    }

    /**
     * The auto-configurations, imported by name as in an application (Flowable's process engine configuration
     * has a nested class for its app engine, which cannot be introspected by reflection without that engine).
     */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            TransactionAutoConfiguration.class, TaskExecutionAutoConfiguration.class, ProcessEngineAutoConfiguration.class,
            ProcessEngineServicesAutoConfiguration.class, TierFlowProgramsAutoConfiguration.class,
            TierFlowOrganisationsAutoConfiguration.class, TierFlowEngineAutoConfiguration.class,
            TierFlowJobsAutoConfiguration.class, TierFlowHealthContributorAutoConfiguration.class,
            TierFlowMetricsAutoConfiguration.class})
    static class EngineStack {
    }

    /** A teaching-talent application from the Jinfeng school by a new applicant, meeting every rule. */
    static NominationSubmission submission() {
        return submission("teacher-" + UUID.randomUUID());
    }

    static NominationSubmission submission(String applicantId) {
        return new NominationSubmission(PROGRAM, TIER, applicantId, SCHOOL,
                Map.of("teacherInInformatisationStudio", true), List.of("cv.pdf"));
    }

    /** The one open review of the nomination in the approver's inbox. */
    static ReviewTask reviewOf(ReviewService reviews, String nominationId, String approver) {
        List<ReviewTask> found = reviews.inbox(approver, InboxQuery.all().page(0, 500)).items().stream()
                .filter(task -> task.nominationId().equals(nominationId))
                .toList();
        assertThat(found).as("open reviews of %s in %s's inbox", nominationId, approver).hasSize(1);
        return found.get(0);
    }

    /** The approver passes the nomination's open review. */
    static Nomination pass(ReviewService reviews, Nomination nomination, String approver) {
        return reviews.decide(reviewOf(reviews, nomination.id(), approver).taskId(), approver,
                Decision.pass("同意 / agreed"));
    }
}
