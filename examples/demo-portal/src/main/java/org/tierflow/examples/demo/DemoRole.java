package org.tierflow.examples.demo;

/** What a demo user does in the portal; the label is in the message bundles ({@code role.<NAME>}). */
enum DemoRole {
    /** A teacher or leader who applies from their school or university. */
    APPLICANT,
    /** A school's principal: recommends at school level. */
    PRINCIPAL,
    /** A district or county education bureau reviewer. */
    DISTRICT_REVIEWER,
    /** A city education bureau reviewer. */
    CITY_REVIEWER,
    /** The region (province) education department's reviewer. */
    REGION_REVIEWER,
    /** A university's reviewer: the first level of the university chain. */
    UNIVERSITY_REVIEWER;

    boolean isApplicant() {
        return this == APPLICANT;
    }
}
