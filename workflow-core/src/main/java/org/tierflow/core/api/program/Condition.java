package org.tierflow.core.api.program;

import java.math.BigDecimal;
import java.util.List;

/** A condition on the application's facts; conditions nest with {@link AllOf} and {@link AnyOf}. */
public sealed interface Condition {

    /** A single fact compared with a value: at least, at most, or equal to. */
    record FactCondition(String fact, Comparison comparison, Object value) implements Condition {
    }

    /** Every condition holds. */
    record AllOf(List<Condition> conditions) implements Condition {
        public AllOf {
            conditions = List.copyOf(conditions);
        }
    }

    /** At least one condition holds. */
    record AnyOf(List<Condition> conditions) implements Condition {
        public AnyOf {
            conditions = List.copyOf(conditions);
        }
    }

    /** How a fact is compared. {@code AT_LEAST} and {@code AT_MOST} take numbers. */
    enum Comparison {
        AT_LEAST,
        AT_MOST,
        EQUALS
    }

    /** A number as BigDecimal, for {@code AT_LEAST}/{@code AT_MOST} values. */
    static BigDecimal number(Object value) {
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }
}
