package org.tierflow.core.internal.credential;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.tierflow.core.api.Credential;
import org.tierflow.core.api.program.LocalizedText;

/**
 * The printable certificate: one self-contained HTML page (inline style, no scripts, no external resources),
 * A4 landscape, both languages with the reader's first. Every text from data is escaped.
 */
final class CertificatePage {

    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private CertificatePage() {
    }

    static String render(Credential credential, Locale locale) {
        boolean chineseFirst = locale != null && "zh".equals(locale.getLanguage());
        String holder = credential.holderName() != null ? credential.holderName() : credential.holderId();
        LocalizedText statement = new LocalizedText(
                "经考核认定，" + holder + " 为" + credential.programName().zh() + "“" + credential.tierName().zh() + "”。",
                holder + " is hereby recognised as \u201c" + credential.tierName().en() + "\u201d of the "
                        + credential.programName().en() + ".");
        LocalizedText issued = new LocalizedText(chineseDate(credential.issuedOn()), ENGLISH_DATE.format(credential.issuedOn()));
        LocalizedText verification = new LocalizedText(
                "查验：凭证书编号 " + credential.number() + " 可在颁发单位的平台查验本证书的真伪与状态。",
                "Verification: the issuing authority's portal confirms this certificate and its status by its number "
                        + credential.number() + ".");

        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(chineseFirst ? "zh-CN" : "en").append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<title>").append(escape(first(credential.title(), chineseFirst))).append(" · ")
                .append(escape(credential.number())).append("</title>\n")
                .append("<style>\n")
                .append("@page { size: A4 landscape; margin: 15mm; }\n")
                .append("body { margin: 0; font-family: \"Noto Serif CJK SC\", \"Source Han Serif SC\", \"Songti SC\", SimSun, serif; color: #222; }\n")
                .append(".certificate { border: 6px double #8a6d1d; padding: 28px 48px; min-height: 150mm; box-sizing: border-box; text-align: center; position: relative; }\n")
                .append(".issuer { font-size: 18px; margin: 0 0 18px; }\n")
                .append("h1 { font-size: 30px; margin: 8px 0 2px; letter-spacing: 2px; }\n")
                .append(".second { color: #555; font-size: 0.8em; margin: 0; }\n")
                .append(".holder { font-size: 28px; font-weight: bold; margin: 28px 0 8px; }\n")
                .append(".statement { font-size: 18px; margin: 6px 0; }\n")
                .append("dl { display: inline-grid; grid-template-columns: auto auto; gap: 4px 16px; text-align: left; margin: 28px 0 12px; }\n")
                .append("dt { font-weight: bold; } dd { margin: 0; font-family: monospace, serif; }\n")
                .append(".revoked { border: 3px solid #b00020; color: #b00020; font-size: 20px; font-weight: bold; padding: 8px; margin: 16px auto; max-width: 80%; }\n")
                .append(".verify { font-size: 12px; color: #444; margin-top: 18px; }\n")
                .append("</style>\n</head>\n<body>\n<main class=\"certificate\">\n");

        html.append("<p class=\"issuer\">").append(escape(first(credential.issuingUnitName(), chineseFirst)))
                .append("<br><span class=\"second\">").append(escape(second(credential.issuingUnitName(), chineseFirst)))
                .append("</span></p>\n");
        html.append("<h1>").append(escape(first(credential.title(), chineseFirst))).append("</h1>\n")
                .append("<p class=\"second\">").append(escape(second(credential.title(), chineseFirst))).append("</p>\n");
        html.append("<p class=\"holder\">").append(escape(holder)).append("</p>\n");
        html.append("<p class=\"statement\">").append(escape(first(statement, chineseFirst))).append("</p>\n")
                .append("<p class=\"statement second\">").append(escape(second(statement, chineseFirst))).append("</p>\n");

        html.append("<dl>\n");
        row(html, label("证书编号", "Certificate number", chineseFirst), credential.number());
        row(html, label("颁发单位", "Issued by", chineseFirst),
                first(credential.issuingUnitName(), chineseFirst) + " / " + second(credential.issuingUnitName(), chineseFirst));
        row(html, label("颁发日期", "Date of issue", chineseFirst), first(issued, chineseFirst) + " / " + second(issued, chineseFirst));
        html.append("</dl>\n");

        credential.revocation().ifPresent(revocation -> {
            LocalizedText revoked = new LocalizedText(
                    "本证书已于 " + chineseDate(revocation.revokedOn()) + " 撤销，理由：" + revocation.reason(),
                    "This certificate was revoked on " + ENGLISH_DATE.format(revocation.revokedOn()) + ". Reason: "
                            + revocation.reason());
            html.append("<p class=\"revoked\">").append(escape(first(revoked, chineseFirst))).append("<br>")
                    .append(escape(second(revoked, chineseFirst))).append("</p>\n");
        });

        html.append("<p class=\"verify\">").append(escape(first(verification, chineseFirst))).append("<br>")
                .append(escape(second(verification, chineseFirst))).append("</p>\n");
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<dt>").append(escape(label)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private static String label(String zh, String en, boolean chineseFirst) {
        return chineseFirst ? zh + " / " + en : en + " / " + zh;
    }

    private static String first(LocalizedText text, boolean chineseFirst) {
        return chineseFirst ? text.zh() : text.en();
    }

    private static String second(LocalizedText text, boolean chineseFirst) {
        return chineseFirst ? text.en() : text.zh();
    }

    private static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
