package org.tierflow.spring.boot.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.UnknownProgramException;
import org.tierflow.core.api.program.ProgramDefinition;

/** The programs TierFlow runs, as their definitions. Any signed-in caller may read them. */
@RestController
@RequestMapping(Api.BASE_PATH)
public class ProgramController {

    private final ProgramCatalog programs;

    public ProgramController(ProgramCatalog programs) {
        this.programs = programs;
    }

    @GetMapping("/programs")
    public List<ProgramDefinition> programs(java.security.Principal caller) {
        Callers.id(caller);
        return programs.programs();
    }

    /** @throws UnknownProgramException answered with 404 {@code unknown-program} */
    @GetMapping("/programs/{code}")
    public ProgramDefinition program(@PathVariable String code, java.security.Principal caller) {
        Callers.id(caller);
        return programs.get(code);
    }
}
