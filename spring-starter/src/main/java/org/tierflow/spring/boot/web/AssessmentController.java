package org.tierflow.spring.boot.web;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tierflow.core.api.AssessmentRecord;
import org.tierflow.core.api.AssessmentResult;
import org.tierflow.core.api.AssessmentService;

/**
 * Exam results (考核成绩) of candidates under review. Like training hours, TierFlow does not check who reports them
 * (the host's exam platform): any signed-in caller may, so hosts restrict these paths in their own security.
 */
@RestController
@RequestMapping(Api.BASE_PATH)
public class AssessmentController {

    private final AssessmentService assessments;

    public AssessmentController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    /** Records a result once; sending the same result again answers with the stored one and changes nothing. */
    @PostMapping("/nominations/{id}/assessment-results")
    public AssessmentResult record(@PathVariable String id, @RequestBody ExamResult body, Principal caller) {
        Callers.id(caller);
        MissingFieldsException.require().field("assessmentCode", body.assessmentCode()).field("score", body.score())
                .field("takenOn", body.takenOn()).field("source", body.source())
                .field("externalResultId", body.externalResultId()).check();
        return assessments.record(new AssessmentRecord(id, body.assessmentCode(), body.score(), body.takenOn(),
                body.source(), body.externalResultId()));
    }

    /** The nomination's results, by day taken. */
    @GetMapping("/nominations/{id}/assessment-results")
    public List<AssessmentResult> results(@PathVariable String id, Principal caller) {
        Callers.id(caller);
        return assessments.results(id);
    }

    /**
     * {@code POST /nominations/{id}/assessment-results}; every field required.
     *
     * @param assessmentCode   the exam, as the tier's definition names it
     * @param score            0 to the exam's maxScore, at most two decimals
     * @param takenOn          the day it was taken, not in the future
     * @param source           the reporting system
     * @param externalResultId the result's id in the source
     */
    public record ExamResult(String assessmentCode, BigDecimal score, LocalDate takenOn, String source,
                             String externalResultId) {
    }
}
