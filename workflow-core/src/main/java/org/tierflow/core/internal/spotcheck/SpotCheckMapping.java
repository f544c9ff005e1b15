package org.tierflow.core.internal.spotcheck;

import java.util.List;

import org.tierflow.core.api.SpotCheck;
import org.tierflow.core.api.SpotCheckItem;
import org.tierflow.core.api.program.SampleSize;
import org.tierflow.core.internal.persistence.SpotCheckEntity;
import org.tierflow.core.internal.persistence.SpotCheckItemEntity;

/** Rows to API records. Candidates come before units, each in draw order. */
final class SpotCheckMapping {

    private SpotCheckMapping() {
    }

    static SpotCheck toSpotCheck(SpotCheckEntity c, List<SpotCheckItemEntity> items) {
        List<SpotCheckItem> mapped = items.stream()
                .sorted((a, b) -> a.getKind() != b.getKind() ? a.getKind().compareTo(b.getKind())
                        : Integer.compare(a.getDrawOrder(), b.getDrawOrder()))
                .map(SpotCheckMapping::toItem)
                .toList();
        return new SpotCheck(c.getId(), c.getProgramCode(), c.getAuditingUnitId(), c.getAuditingLevel(), c.getYear(),
                c.getSeed(), sampleSize(c.getCandidateSample()), sampleSize(c.getUnitSample()),
                c.getCandidatePopulation(), c.getUnitPopulation(), c.getPopulationDigest(), c.getDrawnBy(),
                c.getDrawnAt(), mapped);
    }

    static SpotCheckItem toItem(SpotCheckItemEntity i) {
        return new SpotCheckItem(i.getId(), i.getSpotCheckId(), i.getKind(), i.getDrawOrder(), i.getNominationId(),
                i.getTierCode(), i.getApplicantId(), i.getUnitId(), i.getManagedCandidates(), i.getFinding(),
                i.getComment(), i.getAuditorId(), i.getCompletedAt());
    }

    /** Reads {@code 10%} or {@code 5} back. */
    static SampleSize sampleSize(String stored) {
        return stored.endsWith("%") ? SampleSize.percent(Integer.parseInt(stored.substring(0, stored.length() - 1)))
                : SampleSize.count(Integer.parseInt(stored));
    }
}
