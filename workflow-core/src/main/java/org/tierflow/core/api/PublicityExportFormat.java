package org.tierflow.core.api;

/** File formats of the publicity list. */
public enum PublicityExportFormat {
    /** Comma-separated values, UTF-8 with a byte-order mark (so Excel shows Chinese correctly), CRLF lines. */
    CSV("text/csv;charset=UTF-8", "csv"),
    /** An Excel workbook (Office Open XML); needs {@code org.dhatim:fastexcel} on the classpath. */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    PublicityExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The media type to serve the file with. */
    public String contentType() {
        return contentType;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }
}
