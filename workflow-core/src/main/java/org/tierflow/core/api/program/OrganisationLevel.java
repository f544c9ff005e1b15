package org.tierflow.core.api.program;

/**
 * A level of the organisation tree, from the bottom up. {@link #rank()} orders levels: a review chain
 * climbs strictly upwards. A university sits directly under the province (region) and ranks with cities:
 * the region allocates quotas to "cities and universities".
 */
public enum OrganisationLevel {
    /** A school or kindergarten (学校/幼儿园). */
    SCHOOL(1, "学校", "school"),
    /** A district or county education bureau (区/县教育局). */
    DISTRICT(2, "区县", "district"),
    /** A university or region-level vocational school (高等学校/区属中职学校), directly under the province. */
    UNIVERSITY(3, "高校", "university"),
    /** A city education bureau (市教育局). */
    CITY(3, "市", "city"),
    /** A province or autonomous region education department (省/自治区教育厅). */
    PROVINCE(4, "省/自治区", "province");

    private final int rank;
    private final String zh;
    private final String en;

    OrganisationLevel(int rank, String zh, String en) {
        this.rank = rank;
        this.zh = zh;
        this.en = en;
    }

    /** Height in the tree: 1 for schools up to 4 for the province. */
    public int rank() {
        return rank;
    }

    /** The level's name in Chinese and English. */
    public LocalizedText label() {
        return new LocalizedText(zh, en);
    }
}
