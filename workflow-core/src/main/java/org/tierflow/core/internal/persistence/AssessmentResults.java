package org.tierflow.core.internal.persistence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hibernate.Session;
import org.tierflow.core.api.program.Assessment;
import org.tierflow.core.api.program.TierDefinition;

/** Reading exam results: a nomination's results, and where it stands against its tier's assessments. */
public final class AssessmentResults {

    private final Session session;

    public AssessmentResults(Session session) {
        this.session = session;
    }

    /** The nomination's results, by day taken, then in the order recorded. */
    public List<AssessmentResultEntity> of(String nominationId) {
        session.flush();
        return session.createSelectionQuery("from AssessmentResultEntity r where r.nominationId = :id"
                        + " order by r.takenOn, r.seq", AssessmentResultEntity.class)
                .setParameter("id", nominationId)
                .getResultList();
    }

    /** The next sequence number of a nomination's results. Call with the nomination locked. */
    public int nextSeq(String nominationId) {
        Integer last = session.createSelectionQuery(
                        "select max(r.seq) from AssessmentResultEntity r where r.nominationId = :id", Integer.class)
                .setParameter("id", nominationId)
                .getSingleResult();
        return last == null ? 1 : last + 1;
    }

    /** The result of the same source and id, if one was stored. */
    public Optional<AssessmentResultEntity> stored(String source, String externalResultId) {
        session.flush();
        return session.createSelectionQuery("from AssessmentResultEntity r where r.source = :source"
                        + " and r.externalResultId = :id", AssessmentResultEntity.class)
                .setParameter("source", source)
                .setParameter("id", externalResultId)
                .getResultList().stream().findFirst();
    }

    /** The latest result per assessment code (a retake replaces the earlier one). */
    public Map<String, BigDecimal> latest(String nominationId) {
        Map<String, BigDecimal> latest = new LinkedHashMap<>();
        for (AssessmentResultEntity row : of(nominationId)) {
            latest.put(row.getAssessmentCode(), row.getScore());
        }
        return latest;
    }

    /** Where a nomination stands: the assessments without a result, and those whose latest result fails. */
    public record Standing(List<Assessment> missing, List<Assessment> failed) {
        public boolean passed() {
            return missing.isEmpty() && failed.isEmpty();
        }
    }

    public Standing standing(TierDefinition tier, String nominationId) {
        Map<String, BigDecimal> latest = latest(nominationId);
        List<Assessment> missing = new ArrayList<>();
        List<Assessment> failed = new ArrayList<>();
        for (Assessment assessment : tier.assessments()) {
            BigDecimal score = latest.get(assessment.code());
            if (score == null) {
                missing.add(assessment);
            } else if (score.compareTo(assessment.passMark()) < 0) {
                failed.add(assessment);
            }
        }
        return new Standing(missing, failed);
    }
}
