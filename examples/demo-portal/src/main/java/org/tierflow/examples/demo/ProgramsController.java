package org.tierflow.examples.demo;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tierflow.core.api.ProgramCatalog;

/** The program list, the portal's home page, and one program's tiers. */
@Controller
class ProgramsController {

    private final ProgramCatalog catalog;

    ProgramsController(ProgramCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/")
    String programs(Model model, Locale locale) {
        model.addAttribute("programs", catalog.programs());
        model.addAttribute("zh", isChinese(locale));
        return "programs";
    }

    @GetMapping("/programs/{code}")
    String program(@PathVariable String code, Model model, Locale locale) {
        model.addAttribute("program", catalog.get(code));
        model.addAttribute("zh", isChinese(locale));
        return "program";
    }

    private static boolean isChinese(Locale locale) {
        return "zh".equals(locale.getLanguage());
    }
}
