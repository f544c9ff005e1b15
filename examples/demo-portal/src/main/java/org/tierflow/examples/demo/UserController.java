package org.tierflow.examples.demo;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The header's user switcher: no password, the chosen user is kept in the session. */
@Controller
class UserController {

    private final CurrentUser currentUser;

    UserController(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @PostMapping("/switch-user")
    String switchUser(@RequestParam(required = false) String user, @RequestParam(required = false) String back,
                      HttpSession session) {
        currentUser.switchTo(session, user);
        return "redirect:" + safe(back);
    }

    /** Only paths of this portal, never another site. */
    static String safe(String back) {
        return back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/";
    }
}
