package org.tierflow.examples.customhandler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A district bureau's extensions of TierFlow, in a Spring Boot application (no web server: the tests drive it
 * through TierFlow's services).
 *
 * <ul>
 *   <li>{@link TeachingObservationRequired}: Huangdao district (West Coast New Area) passes a candidate on only
 *       with a teaching-observation score at or above its pass mark; registered for that district only, in
 *       {@link HuangdaoConfiguration};</li>
 *   <li>{@code huangdao/huangdaoLevelReviewProcess.bpmn20.xml}: the district's own level review, which interviews
 *       the candidate before the district decides; given to TierFlow in {@code application.yaml}
 *       ({@code tierflow.bpmn.*}); {@link InterviewService} lets the district's reviewers record interviews.</li>
 * </ul>
 */
@SpringBootApplication
public class CustomHandlerApplication {

    public static void main(String[] args) {
        SpringApplication.run(CustomHandlerApplication.class, args);
    }
}
