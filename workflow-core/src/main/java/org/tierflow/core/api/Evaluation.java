package org.tierflow.core.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.tierflow.core.api.program.LocalizedText;

/**
 * A comprehensive evaluation (综合考评) as it stands.
 *
 * @param nominationId the candidate's nomination
 * @param passScore    the qualifying weighted score, from the definition
 * @param sheets       the score sheets received, in the definition's party order
 * @param missing      codes of the parties that have not scored yet
 * @param total        the weighted score; null until every party scored
 * @param qualified    whether {@code total >= passScore}; null until every party scored
 */
public record Evaluation(String nominationId, BigDecimal passScore, List<Sheet> sheets, List<String> missing,
                         BigDecimal total, Boolean qualified) {

    public Evaluation {
        sheets = List.copyOf(sheets);
        missing = List.copyOf(missing);
    }

    /**
     * One party's score sheet.
     *
     * @param partyCode  the party, as the definition names it
     * @param partyName  its name
     * @param weight     its weight
     * @param scorerId   who scored for it
     * @param scores     criterion code → score
     * @param partyScore the criteria's weighted sum
     * @param scoredAt   when
     */
    public record Sheet(String partyCode, LocalizedText partyName, BigDecimal weight, String scorerId,
                        Map<String, BigDecimal> scores, BigDecimal partyScore, Instant scoredAt) {

        public Sheet {
            scores = Map.copyOf(scores);
        }
    }
}
