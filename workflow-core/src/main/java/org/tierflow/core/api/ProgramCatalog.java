package org.tierflow.core.api;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tierflow.core.api.program.ProgramDefinition;

/**
 * The programs a TierFlow instance runs, by code. Immutable: a new round is a new catalog.
 */
public final class ProgramCatalog {

    private final Map<String, ProgramDefinition> programsByCode;

    private ProgramCatalog(Map<String, ProgramDefinition> programsByCode) {
        this.programsByCode = programsByCode;
    }

    /**
     * A catalog of these programs.
     *
     * @throws IllegalArgumentException when two programs share a code, naming the code
     */
    public static ProgramCatalog of(List<ProgramDefinition> programs) {
        Map<String, ProgramDefinition> byCode = new LinkedHashMap<>();
        programs.stream()
                .sorted(Comparator.comparing(ProgramDefinition::code))
                .forEach(program -> {
                    if (byCode.putIfAbsent(program.code(), program) != null) {
                        throw new IllegalArgumentException("两个培养方案使用了同一代码 “" + program.code()
                                + "” / two programs share the code '" + program.code() + "'");
                    }
                });
        return new ProgramCatalog(java.util.Collections.unmodifiableMap(byCode));
    }

    /** All programs, ordered by code. */
    public List<ProgramDefinition> programs() {
        return List.copyOf(programsByCode.values());
    }

    /** The program with this code, if any. */
    public Optional<ProgramDefinition> find(String code) {
        return Optional.ofNullable(programsByCode.get(code));
    }

    /**
     * The program with this code.
     *
     * @throws UnknownProgramException when there is none
     */
    public ProgramDefinition get(String code) {
        return find(code).orElseThrow(() -> new UnknownProgramException(code, programsByCode.keySet()));
    }
}
