package org.tierflow.core.bpmn;

import static org.tierflow.bpmn.TierFlowBpmn.LEVEL_REVIEW_PROCESS_RESOURCE;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Level-review variants as a district's process designer would make them: the shipped level review under a key
 * of its own, with an interview before the decision. Derived from the shipped model by string edits, so the tests
 * follow it as it evolves.
 */
public final class LevelReviewVariantModels {

    /** Key of the test variant. */
    public static final String INTERVIEW_PROCESS = "districtInterviewLevelReviewProcess";

    /** Resource name the test variant is deployed under. */
    public static final String INTERVIEW_RESOURCE = "district/" + INTERVIEW_PROCESS + ".bpmn20.xml";

    /** Id of the variant's interview task. */
    public static final String INTERVIEW_TASK = "Task_interviewCandidate";

    private LevelReviewVariantModels() {
    }

    /** The shipped level review as it is on the classpath. */
    public static String shippedLevelReview() {
        try (InputStream in = LevelReviewVariantModels.class.getClassLoader().getResourceAsStream(LEVEL_REVIEW_PROCESS_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped level review renamed to {@link #INTERVIEW_PROCESS}, with {@link #INTERVIEW_TASK} before the decision. */
    public static String interviewVariant() {
        String xml = shippedLevelReview().replace("id=\"tierflowLevelReviewProcess\"", "id=\"" + INTERVIEW_PROCESS + "\"")
                .replace("bpmnElement=\"tierflowLevelReviewProcess\"", "bpmnElement=\"" + INTERVIEW_PROCESS + "\"")
                .replace("name=\"本级审核 / Level review\"", "name=\"区县本级审核（含面试） / District level review with interview\"");
        xml = replaceOnce(xml,
                "<sequenceFlow id=\"Flow_levelDecides\" name=\"作出决定 / Decide\" sourceRef=\"Gateway_levelMode\" targetRef=\"Task_reviewNomination\">",
                "<userTask id=\"" + INTERVIEW_TASK + "\" name=\"面试候选人 / Interview the candidate\" flowable:candidateUsers=\"${reviewCandidates}\"/>\n"
                        + "    <sequenceFlow id=\"Flow_candidateInterviewed\" sourceRef=\"" + INTERVIEW_TASK + "\" targetRef=\"Task_reviewNomination\"/>\n"
                        + "    <sequenceFlow id=\"Flow_levelDecides\" name=\"作出决定 / Decide\" sourceRef=\"Gateway_levelMode\" targetRef=\"" + INTERVIEW_TASK + "\">");
        xml = replaceOnce(xml, "<omgdc:Bounds x=\"570\" y=\"160\" width=\"150\" height=\"80\"/>",
                "<omgdc:Bounds x=\"740\" y=\"160\" width=\"150\" height=\"80\"/>");
        return replaceOnce(xml, "    </bpmndi:BPMNPlane>", """
                      <bpmndi:BPMNShape id="Task_interviewCandidate_di" bpmnElement="Task_interviewCandidate">
                        <omgdc:Bounds x="540" y="160" width="150" height="80"/>
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNEdge id="Flow_candidateInterviewed_di" bpmnElement="Flow_candidateInterviewed">
                        <omgdi:waypoint x="690" y="200"/>
                        <omgdi:waypoint x="740" y="200"/>
                      </bpmndi:BPMNEdge>
                    </bpmndi:BPMNPlane>""");
    }

    /** Replaces the one occurrence of {@code target}; fails when the model does not contain it exactly once. */
    public static String replaceOnce(String xml, String target, String replacement) {
        int first = xml.indexOf(target);
        if (first < 0 || xml.indexOf(target, first + 1) >= 0) {
            throw new IllegalStateException("expected exactly one occurrence of " + target + " in the model");
        }
        return xml.replace(target, replacement);
    }
}
