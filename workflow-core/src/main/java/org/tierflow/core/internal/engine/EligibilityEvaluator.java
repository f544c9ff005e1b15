package org.tierflow.core.internal.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tierflow.core.api.EligibilityFailure;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.program.Condition;
import org.tierflow.core.api.program.EligibilityRule;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.spi.EligibilityCheck;

/** Runs a tier's eligibility rules, then the integrators' checks, and collects every failure. */
final class EligibilityEvaluator {

    private final List<EligibilityCheck> checks;

    EligibilityEvaluator(List<EligibilityCheck> checks) {
        this.checks = checks;
    }

    List<EligibilityFailure> evaluate(ProgramDefinition program, TierDefinition tier, NominationSubmission submission) {
        List<EligibilityFailure> failures = new ArrayList<>();
        for (EligibilityRule rule : tier.eligibility()) {
            if (!holds(rule.condition(), submission.facts())) {
                failures.add(new EligibilityFailure(rule.code(), rule.reason()));
            }
        }
        for (EligibilityCheck check : checks) {
            failures.addAll(check.check(program, tier, submission));
        }
        return failures;
    }

    static boolean holds(Condition condition, Map<String, Object> facts) {
        if (condition instanceof Condition.AllOf all) {
            return all.conditions().stream().allMatch(c -> holds(c, facts));
        }
        if (condition instanceof Condition.AnyOf any) {
            return any.conditions().stream().anyMatch(c -> holds(c, facts));
        }
        Condition.FactCondition fact = (Condition.FactCondition) condition;
        return holds(fact, facts.get(fact.fact()));
    }

    private static boolean holds(Condition.FactCondition condition, Object value) {
        if (value == null) {
            return false;
        }
        return switch (condition.comparison()) {
            case AT_LEAST -> number(value) != null && number(value).compareTo(Condition.number(condition.value())) >= 0;
            case AT_MOST -> number(value) != null && number(value).compareTo(Condition.number(condition.value())) <= 0;
            case EQUALS -> equalsLoosely(value, condition.value());
        };
    }

    /** A fact given as a number or a numeric string; {@code null} when it is neither. */
    private static BigDecimal number(Object value) {
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(value.toString().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean equalsLoosely(Object actual, Object expected) {
        if (expected instanceof Boolean) {
            return expected.equals(actual instanceof String s ? Boolean.valueOf(s.trim()) : actual);
        }
        if (expected instanceof Number || expected instanceof BigDecimal) {
            BigDecimal a = number(actual);
            return a != null && a.compareTo(Condition.number(expected)) == 0;
        }
        return expected.toString().equals(actual.toString());
    }
}
