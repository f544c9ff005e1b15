package org.tierflow.examples.plainjava;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.tierflow.core.ProgramDefinitionLoader;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.InboxQuery;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.ReviewTask;
import org.tierflow.core.api.TimelineEntry;
import org.tierflow.core.support.InMemoryApproverDirectory;
import org.tierflow.core.support.InMemoryOrganisationDirectory;

/**
 * TierFlow embedded in a host without Spring: a standalone Flowable engine on H2, the Ningxia program and
 * organisation tree that ship with TierFlow, and a teaching-talent nomination walked from a school in
 * Yinchuan's Xingqing district up to the city's decision and the region's filing.
 *
 * <p>Run it with {@code ./mvnw -pl examples/plain-java -am -q exec:java} or from an IDE.
 */
public final class PlainJavaEmbedding {

    static final String PROGRAM = "ningxia-internet-plus-education-2020";

    private PlainJavaEmbedding() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    /** Runs the walk-through, printing what happens; returns the final nomination. */
    static Nomination run(PrintStream out) {
        // 1. What the host brings: its programs, its organisation tree, who may approve where.
        ProgramCatalog programs = ProgramCatalog.of(List.of(
                ProgramDefinitionLoader.loadClasspath("org/tierflow/programs/" + PROGRAM + ".yaml")));
        InMemoryOrganisationDirectory organisations = InMemoryOrganisationDirectory.fromClasspath(InMemoryOrganisationDirectory.NINGXIA);
        String school = firstSchoolUnder(organisations, "nx-yinchuan-xingqing");
        InMemoryApproverDirectory approvers = InMemoryApproverDirectory.builder()
                .grant(school, "principal")
                .grant("nx-yinchuan-xingqing", "district-reviewer")
                .grant("nx-yinchuan", "city-reviewer")
                .build();

        TierFlow tierFlow = TierFlow.builder()
                .programs(programs)
                .organisations(organisations)
                .approvers(approvers)
                .listener(event -> out.println("  event: " + event.type() + " at " + event.level()))
                .build();

        // 2. The engine: TierFlow registers its delegates before the engine is built, then starts on it.
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:tierflow-plain-java;DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setAsyncExecutorActivate(false);
        tierFlow.configure(configuration);
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            tierFlow.start(engine);

            // 3. An applicant submits; each level decides from its inbox.
            Nomination nomination = tierFlow.nominations().submit(new NominationSubmission(PROGRAM, "teaching-talent",
                    "teacher-wang", school, Map.of("teacherInInformatisationStudio", true), List.of("application.pdf")));
            out.println("submitted " + nomination.id() + ", waiting at " + nomination.currentLevel());
            for (String approver : List.of("principal", "district-reviewer", "city-reviewer")) {
                ReviewTask review = tierFlow.reviews().inbox(approver, InboxQuery.all()).items().get(0);
                nomination = tierFlow.reviews().decide(review.taskId(), approver, Decision.pass("同意 / agreed"));
                out.println(approver + " passed it at " + review.stepName() + "; now " + nomination.state());
            }

            out.println("timeline:");
            for (TimelineEntry entry : tierFlow.nominations().timeline(nomination.id())) {
                out.println("  " + entry.type() + " " + entry.level() + " " + entry.unitId()
                        + (entry.actorId() == null ? "" : " by " + entry.actorId()));
            }
            return nomination;
        } finally {
            engine.close();
        }
    }

    private static String firstSchoolUnder(InMemoryOrganisationDirectory organisations, String districtId) {
        return organisations.children(districtId).get(0).id();
    }
}
