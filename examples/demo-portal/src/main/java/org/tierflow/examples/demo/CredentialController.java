package org.tierflow.examples.demo;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tierflow.core.api.CredentialService;

/** Public certificate verification: anyone enters a number and sees what the certificate shows. */
@Controller
class CredentialController {

    private final CredentialService credentials;

    CredentialController(CredentialService credentials) {
        this.credentials = credentials;
    }

    @GetMapping("/verify")
    String verify(@RequestParam(required = false) String number, Model model) {
        String entered = NominationController.blankToNull(number);
        model.addAttribute("number", entered);
        if (entered != null) {
            model.addAttribute("verification", credentials.verify(entered).orElse(null));
        }
        return "verify";
    }
}
