package org.tierflow.core.api.program;

/**
 * A rule a candidate must meet to apply to a tier. When it fails, the applicant reads {@code reason}.
 *
 * @param code      unique within the tier
 * @param reason    the requirement in words, e.g. "≥ 2 years in digitalisation planning"
 * @param condition what is checked
 */
public record EligibilityRule(String code, LocalizedText reason, Condition condition) {
}
