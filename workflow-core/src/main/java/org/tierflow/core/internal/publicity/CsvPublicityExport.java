package org.tierflow.core.internal.publicity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the publicity list as CSV (RFC 4180): UTF-8 with a byte-order mark, so Excel opens Chinese text
 * correctly; CRLF line ends; a field is quoted when it holds a comma, a quote or a line break.
 */
final class CsvPublicityExport {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvPublicityExport() {
    }

    static byte[] write(PublicityTable table) {
        StringBuilder csv = new StringBuilder();
        line(csv, table.header());
        table.rows().forEach(row -> line(csv, row));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    private static String field(String value) {
        String text = value == null ? "" : value;
        // A leading =, +, - or @ would make a spreadsheet run the cell as a formula: prefix it with a quote.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
