package org.tierflow.core.internal.publicity;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.tierflow.core.api.Publication;
import org.tierflow.core.api.PublicityEntry;
import org.tierflow.core.api.program.LocalizedText;

/**
 * The publicity list as rows of text, the same for every file format: a bilingual header row, then one row per
 * candidate. Times are shown in the calendar's zone.
 *
 * @param title  what the list is, for a sheet or file title
 * @param header the column names, "中文 / English"
 * @param rows   one row per candidate, in published order
 */
record PublicityTable(String title, List<String> header, List<List<String>> rows) {

    static final List<String> HEADER = List.of("序号 / No.", "申报编号 / Nomination", "申请人 / Applicant",
            "所在单位 / Unit", "人才类别 / Tier", "公示单位 / Published by", "公示开始 / Starts", "公示结束 / Ends",
            "状态 / Status");

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static PublicityTable of(Publication publication, LocalizedText tierName, LocalizedText publisherName, ZoneId zone) {
        String starts = SHOWN.format(publication.startsAt().atZone(zone));
        String ends = SHOWN.format(publication.endsAt().atZone(zone));
        List<List<String>> rows = new ArrayList<>();
        for (PublicityEntry entry : publication.entries()) {
            rows.add(List.of(String.valueOf(entry.position()), entry.nominationId(), entry.applicantId(),
                    entry.unitName().zh(), tierName.zh(), publisherName.zh(), starts, ends,
                    entry.status().label().zh() + " / " + entry.status().label().en()));
        }
        String title = tierName.zh() + "入选公示名单 / Publicity list: " + tierName.en();
        return new PublicityTable(title, HEADER, rows);
    }
}
