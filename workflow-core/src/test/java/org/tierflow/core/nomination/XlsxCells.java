package org.tierflow.core.nomination;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Opens an .xlsx the way a spreadsheet does, with nothing but the JDK: the package is a zip, the first sheet's
 * cells are in {@code xl/worksheets/sheet1.xml}, texts in {@code xl/sharedStrings.xml} (or inline), the sheet
 * names in {@code xl/workbook.xml}. Enough to check what a user would see in the cells.
 */
final class XlsxCells {

    private final Map<String, String> cells = new HashMap<>();
    private final Map<String, String> types = new HashMap<>();
    private String firstSheetName;

    private XlsxCells() {
    }

    static XlsxCells read(byte[] xlsx) throws Exception {
        // Through the central directory (as Excel reads it), not the stream of local headers: the writer puts the
        // sizes in data descriptors after each entry, which ZipInputStream cannot read for stored entries.
        Map<String, byte[]> parts = new HashMap<>();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("publicity", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    parts.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        XlsxCells result = new XlsxCells();
        List<String> shared = new ArrayList<>();
        if (parts.containsKey("xl/sharedStrings.xml")) {
            NodeList items = parse(parts.get("xl/sharedStrings.xml")).getElementsByTagNameNS("*", "si");
            for (int i = 0; i < items.getLength(); i++) {
                shared.add(items.item(i).getTextContent());
            }
        }
        Element sheet = (Element) parse(parts.get("xl/workbook.xml")).getElementsByTagNameNS("*", "sheet").item(0);
        result.firstSheetName = sheet.getAttribute("name");
        NodeList cells = parse(parts.get("xl/worksheets/sheet1.xml")).getElementsByTagNameNS("*", "c");
        for (int i = 0; i < cells.getLength(); i++) {
            Element cell = (Element) cells.item(i);
            String type = cell.getAttribute("t");
            String value;
            if ("inlineStr".equals(type)) {
                value = cell.getTextContent();
            } else {
                NodeList v = cell.getElementsByTagNameNS("*", "v");
                value = v.getLength() == 0 ? "" : v.item(0).getTextContent();
                if ("s".equals(type)) {
                    value = shared.get(Integer.parseInt(value));
                }
            }
            result.cells.put(cell.getAttribute("r"), value);
            result.types.put(cell.getAttribute("r"), type.isEmpty() ? "n" : type);
        }
        return result;
    }

    /** The text shown in a cell such as {@code "B2"}; {@code null} when empty. */
    String text(String reference) {
        return cells.get(reference);
    }

    /** Whether the cell holds a number (not text). */
    boolean isNumber(String reference) {
        return "n".equals(types.get(reference));
    }

    String firstSheetName() {
        return firstSheetName;
    }

    /** How many rows have at least one cell. */
    long rowCount() {
        return cells.keySet().stream().map(ref -> ref.replaceAll("[A-Z]", "")).distinct().count();
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try {
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (IOException e) {
            throw e;
        }
    }
}
