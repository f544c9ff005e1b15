package org.tierflow.core.internal.program;

/**
 * Every kind of problem a definition file can have. Each constant is the key of its message in
 * {@code ValidationMessages_zh.properties} and {@code ValidationMessages_en.properties}; the comment lists the
 * message arguments.
 */
enum ProblemCode {
    /** {0} what the YAML parser says. */
    SYNTAX,
    FILE_EMPTY,
    /** {0} path. */
    FILE_NOT_FOUND,
    /** {0} the I/O error. */
    FILE_UNREADABLE,
    FILE_NOT_UTF8,
    /** {0} resource path. */
    RESOURCE_NOT_FOUND,
    /** {0} what was found. */
    ROOT_NOT_MAPPING,
    /** {0} what was found. */
    KEY_NOT_TEXT,
    /** {0} key, {1} line of the first occurrence. */
    KEY_DUPLICATE,
    /** {0} key, {1} allowed keys. */
    FIELD_UNKNOWN,
    /** {0} key, {1} the likely intended key, {2} allowed keys. */
    FIELD_UNKNOWN_SUGGEST,
    /** {0} key. */
    FIELD_MISSING,
    /** {0} key. */
    FIELD_EMPTY,
    /** {0} what was found. */
    EXPECTED_MAPPING,
    /** {0} what was found. */
    EXPECTED_LIST,
    /** {0} what was found. */
    EXPECTED_TEXT,
    /** {0} what was found. */
    EXPECTED_LOCALIZED_TEXT,
    /** {0} what was found. */
    EXPECTED_NUMBER,
    /** {0} what was found. */
    EXPECTED_WHOLE_NUMBER,
    /** {0} what was found. */
    EXPECTED_BOOLEAN,
    TEXT_BLANK,
    /** {0} code. */
    CODE_FORMAT,
    /** {0} code. */
    FACT_CODE_FORMAT,
    /** {0} code, {1} line of the first occurrence. */
    CODE_DUPLICATE,
    /** {0} value, {1} allowed values. */
    LEVEL_UNKNOWN,
    /** {0} value, {1} allowed values. */
    ACTION_UNKNOWN,
    /** {0} value, {1} allowed values. */
    CANDIDATE_KIND_UNKNOWN,
    /** {0} value, {1} allowed values. */
    FACT_TYPE_UNKNOWN,
    /** {0} value, {1} allowed values. */
    AGGREGATION_UNKNOWN,
    /** {0} value. */
    PERIOD_INVALID,
    /** {0} value. */
    PERIOD_NOT_POSITIVE,
    /** {0} endYear, {1} startYear. */
    YEARS_REVERSED,
    TIERS_EMPTY,
    /** {0} quota. */
    QUOTA_NEGATIVE,
    QUOTA_ZERO,
    /** {0} parent unit id. */
    ALLOCATION_EMPTY,
    /** {0} unit id. */
    ALLOCATION_SELF,
    /** {0} quota. */
    ALLOCATION_NEGATIVE,
    /** {0} unit id, {1} its first parent, {2} line of the first. */
    ALLOCATION_TWO_PARENTS,
    /** {0} parent unit id, {1} sum, {2} tier quota. */
    ALLOCATION_ABOVE_TIER_QUOTA,
    /** {0} what was found. */
    QUOTA_SHAPE,
    /** {0} the per level, {1} levels of the chain, {2} the chain's field name. */
    QUOTA_PER_NOT_IN_CHAIN,
    /** {0} passMark. */
    PASS_MARK_NOT_POSITIVE,
    /** {0} passMark, {1} maxScore. */
    PASS_MARK_ABOVE_MAX,
    ASSESSMENT_WEIGHTS_PARTIAL,
    /** {0} the level. */
    CREDENTIAL_UNIVERSITY_WITHOUT_CHAIN,
    CREDENTIAL_AFTER_WORKING_PERIOD_WITH_PHASES,
    CHAIN_EMPTY,
    /** {0} level, {1} previous level. */
    CHAIN_NOT_RISING,
    /** {0} level, {1} entry level. */
    CHAIN_BELOW_ENTRY,
    CHAIN_NO_DECIDE,
    /** {0} line of the first DECIDE. */
    CHAIN_SECOND_DECIDE,
    /** {0} line of the DECIDE. */
    CHAIN_FILE_BEFORE_DECIDE,
    /** {0} entry level. */
    UNIVERSITY_CHAIN_ENTRY,
    /** {0} experts. */
    PANEL_EXPERTS,
    /** {0} experts. */
    PANEL_TRIMMED_MEAN,
    /** {0} value found. */
    QUORUM_INVALID,
    /** {0} quorum, {1} its n, {2} experts. */
    QUORUM_RATIO_PANEL_SIZE,
    /** {0} quorum, {1} its k, {2} its n. */
    QUORUM_RATIO_RANGE,
    QUORUM_ANY_TRIMMED_MEAN,
    /** {0} field name. */
    LIST_EMPTY,
    /** {0} weight. */
    WEIGHT_RANGE,
    /** {0} sum. */
    WEIGHTS_SUM,
    /** {0} maxScore. */
    MAX_SCORE,
    CONDITION_EMPTY,
    /** {0} keys found. */
    CONDITION_MIXED,
    /** {0} depth limit. */
    CONDITION_TOO_DEEP,
    /** {0} operators found. */
    RULE_OPERATOR_COUNT,
    /** {0} fact, {1} declared facts. */
    RULE_FACT_UNDECLARED,
    /** {0} operator, {1} fact, {2} fact type. */
    RULE_COMPARISON_NOT_NUMBER,
    /** {0} value found, {1} fact, {2} fact type. */
    RULE_EQUALS_TYPE,
    /** {0} hours. */
    HOURS_NEGATIVE,
    /** {0} category, {1} declared categories. */
    RATIO_CATEGORY_UNDECLARED,
    /** {0} percent. */
    RATIO_NEGATIVE,
    /** {0} percent. */
    RATIO_ABOVE_100,
    /** {0} sum. */
    RATIO_SUM,
    /** {0} authority, {1} levels of the chain. */
    TASKBOOK_AUTHORITY,
    /** {0} authority, {1} levels of the chain, {2} the chain's field name. */
    TASKBOOK_UNIVERSITY_AUTHORITY,
    /** {0} maxExtensions. */
    MAX_EXTENSIONS_NEGATIVE,
    /** {0} passScore. */
    PASS_SCORE_NOT_POSITIVE,
    /** {0} passScore, {1} criterion code, {2} its maxScore. */
    PASS_SCORE_ABOVE_MAX,
    /** {0} amount. */
    AMOUNT_NEGATIVE,
    /** {0} sum of the items, {1} perPerson. */
    FUNDING_ITEMS_ABOVE_TOTAL,
    /** {0} the auditing level, {1} the program's owner. */
    SPOT_CHECK_ABOVE_OWNER,
    /** {0} the fields found. */
    SAMPLE_SIZE_FORM,
    /** {0} percent. */
    SAMPLE_PERCENT_RANGE,
    /** {0} count. */
    SAMPLE_COUNT_RANGE,
    /** {0} the level, {1} levels of the chain. */
    PHASE_DECIDED_BY_NOT_IN_CHAIN,
    /** {0} sum of the phases' periods, {1} implementationPeriod. */
    PHASES_LONGER_THAN_IMPLEMENTATION,
    /** {0} the chain's entry level. */
    SCHOOL_CANDIDATE_ENTRY_LEVEL,
    SCHOOL_CANDIDATE_TRAINING,
    /** {0} the candidate kind. */
    UNIT_CANDIDATE_UNIVERSITY_CHAIN
}
