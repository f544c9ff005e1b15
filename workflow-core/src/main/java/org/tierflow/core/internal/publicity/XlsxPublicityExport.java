package org.tierflow.core.internal.publicity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes the publicity list as an Excel workbook with {@code org.dhatim:fastexcel}, an optional dependency: only
 * this class refers to it, and it is loaded only after {@link #available()} said the library is there.
 */
final class XlsxPublicityExport {

    private static final String WORKBOOK_CLASS = "org.dhatim.fastexcel.Workbook";

    private XlsxPublicityExport() {
    }

    /** Whether fastexcel is on the classpath. */
    static boolean available() {
        try {
            Class.forName(WORKBOOK_CLASS, false, XlsxPublicityExport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static byte[] write(PublicityTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "TierFlow", "1.0");
            Worksheet sheet = workbook.newWorksheet("公示名单");
            List<String> header = table.header();
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
                sheet.style(0, c).bold().set();
            }
            for (int r = 0; r < table.rows().size(); r++) {
                List<String> row = table.rows().get(r);
                // The position is a number, so sorting in Excel works; everything else is text.
                sheet.value(r + 1, 0, Integer.parseInt(row.get(0)));
                for (int c = 1; c < row.size(); c++) {
                    sheet.value(r + 1, c, row.get(c));
                }
            }
            sheet.freezePane(0, 1);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the publicity workbook", e);
        }
        return out.toByteArray();
    }
}
