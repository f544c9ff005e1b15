package org.tierflow.core.api.program;

/**
 * How many to draw in a spot check (抽查): a percentage of the population, or a fixed count.
 *
 * <p>{@link #of(int)} turns it into a number: a percentage is rounded up (a non-empty population always yields
 * at least one), a count is capped at the population.
 *
 * @param basis whether {@code value} is a percentage or a count
 * @param value the percentage (1 to 100) or the count (at least 1)
 */
public record SampleSize(Basis basis, int value) {

    /** What the value means. */
    public enum Basis {
        /** A percentage of the population, 1 to 100, rounded up. */
        PERCENT,
        /** A number of items, at least 1, at most the whole population. */
        COUNT
    }

    /** This percentage of the population, rounded up. */
    public static SampleSize percent(int percent) {
        return new SampleSize(Basis.PERCENT, percent);
    }

    /** This many items, or the whole population when it is smaller. */
    public static SampleSize count(int count) {
        return new SampleSize(Basis.COUNT, count);
    }

    /** Whether the value is in range: 1 to 100 for a percentage, at least 1 for a count. */
    public boolean isValid() {
        return basis != null && value >= 1 && (basis == Basis.COUNT || value <= 100);
    }

    /**
     * The number of items to draw from a population of this size.
     *
     * @throws IllegalArgumentException when the population is negative or this size is not {@link #isValid valid}
     */
    public int of(int population) {
        if (population < 0 || !isValid()) {
            throw new IllegalArgumentException("无效的抽样规模 " + this + "（总体 " + population + "） / invalid sample size "
                    + this + " for a population of " + population);
        }
        return switch (basis) {
            case PERCENT -> (int) ((population * (long) value + 99) / 100);
            case COUNT -> Math.min(value, population);
        };
    }

    /** {@code 10%} or {@code 5}. */
    @Override
    public String toString() {
        return basis == Basis.PERCENT ? value + "%" : String.valueOf(value);
    }
}
