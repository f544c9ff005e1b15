package org.tierflow.core.internal.spotcheck;

import java.util.List;

import org.tierflow.core.api.SpotCheck;
import org.tierflow.core.api.SpotCheckItem;

/** The report as CSV (RFC 4180): quoted where needed, CRLF line ends, free text guarded against formula injection. */
final class SpotCheckCsv {

    static final List<String> HEADER = List.of("spot_check_id", "program", "auditing_unit", "year", "seed", "kind",
            "draw_order", "nomination_id", "tier", "applicant_id", "unit_id", "managed_candidates", "status",
            "finding", "comment", "auditor_id", "completed_at");

    private SpotCheckCsv() {
    }

    static String write(SpotCheck check) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER);
        for (SpotCheckItem item : check.items()) {
            row(csv, List.of(check.id(), check.programCode(), check.auditingUnitId(), String.valueOf(check.year()),
                    String.valueOf(check.seed()), item.kind().name(), String.valueOf(item.drawOrder()),
                    text(item.nominationId()), text(item.tierCode()), text(item.applicantId()), item.unitId(),
                    String.valueOf(item.managedCandidates()), item.isOpen() ? "OPEN" : "COMPLETED",
                    item.finding() == null ? "" : item.finding().name(), freeText(item.comment()),
                    text(item.auditorId()), item.completedAt() == null ? "" : item.completedAt().toString()));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quoted(fields.get(i)));
        }
        csv.append("\r\n");
    }

    private static String quoted(String field) {
        boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0;
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** A comment a spreadsheet would read as a formula (=, +, -, @) is prefixed with an apostrophe. */
    static String freeText(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' ? "'" + value : value;
    }
}
