package org.tierflow.core.programs;

import java.math.BigDecimal;

import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.ProgramDefinitionLoader;
import org.tierflow.core.api.program.TierDefinition;

/** Loads the seed programs shipped in {@code org/tierflow/programs/} and compares their numbers. */
final class SeedProgramSupport {

    private SeedProgramSupport() {
    }

    /** The shipped definition {@code org/tierflow/programs/<file>}; fails the test if it does not load. */
    static ProgramDefinition load(String file) {
        return ProgramDefinitionLoader.loadClasspath("org/tierflow/programs/" + file);
    }

    /** The tier with this code; fails the test if the program has none. */
    static TierDefinition tier(ProgramDefinition program, String code) {
        return program.tier(code).orElseThrow(() -> new AssertionError(program.code() + " has no tier " + code));
    }

    /** A number without trailing zeros, so that {@code 2}, {@code 2.0} and {@code 2.00} read the same. */
    static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
