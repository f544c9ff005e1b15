package org.tierflow.examples.scenarios;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.tierflow.core.api.program.ApplicationFact;
import org.tierflow.core.api.program.Condition;
import org.tierflow.core.api.program.EligibilityRule;
import org.tierflow.core.api.program.TierDefinition;

/**
 * Generates the facts a candidate states on the application form, from the tier's definition alone: an eligible
 * candidate's facts satisfy every eligibility rule (one branch of each "any of", chosen at random); an ineligible
 * one's are drawn without looking at the rules, so the engine's eligibility check decides.
 */
final class CandidateFacts {

    private final Random random;

    CandidateFacts(Random random) {
        this.random = random;
    }

    Map<String, Object> eligible(TierDefinition tier) {
        Map<String, Object> facts = arbitrary(tier);
        for (EligibilityRule rule : tier.eligibility()) {
            satisfy(rule.condition(), facts);
        }
        return facts;
    }

    /** Facts drawn without regard to the rules: some are eligible by chance, most of a strict tier's are not. */
    Map<String, Object> arbitrary(TierDefinition tier) {
        Map<String, Object> facts = new HashMap<>();
        for (ApplicationFact fact : tier.facts()) {
            facts.put(fact.code(), switch (fact.type()) {
                case BOOLEAN -> random.nextInt(10) < 3;
                case NUMBER -> random.nextInt(6);
                case TEXT -> "—";
            });
        }
        return facts;
    }

    private void satisfy(Condition condition, Map<String, Object> facts) {
        if (condition instanceof Condition.AllOf all) {
            all.conditions().forEach(c -> satisfy(c, facts));
        } else if (condition instanceof Condition.AnyOf any) {
            satisfy(pick(any.conditions()), facts);
        } else if (condition instanceof Condition.FactCondition fact) {
            facts.put(fact.fact(), valueSatisfying(fact));
        }
    }

    private Object valueSatisfying(Condition.FactCondition fact) {
        if (fact.value() instanceof Boolean || fact.comparison() == Condition.Comparison.EQUALS) {
            return fact.value();
        }
        BigDecimal bound = Condition.number(fact.value());
        BigDecimal slack = BigDecimal.valueOf(random.nextInt(5));
        BigDecimal value = fact.comparison() == Condition.Comparison.AT_LEAST ? bound.add(slack)
                : bound.subtract(slack).max(BigDecimal.ZERO).min(bound);
        return value.stripTrailingZeros().scale() <= 0 ? value.intValue() : value;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
