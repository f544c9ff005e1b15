package org.tierflow.core.api;

import org.tierflow.core.api.program.LocalizedText;

/**
 * Why a quota allocation cannot be applied.
 *
 * @param unitId the child unit concerned, or {@code null} for the allocation as a whole (the sum)
 * @param code   a stable code: {@code over-parent-quota}, {@code not-a-child}, {@code wrong-level},
 *               {@code unknown-unit}, {@code below-used}, {@code negative}, {@code parent-without-quota}
 * @param reason in Chinese and English
 */
public record AllocationProblem(String unitId, String code, LocalizedText reason) {
}
