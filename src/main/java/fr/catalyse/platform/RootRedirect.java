package fr.catalyse.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The root address leads to the Tasklist login, where participants do their work. */
@Controller
class RootRedirect {

    @GetMapping("/")
    String tasklist() {
        return "redirect:" + Webapps.PATH + "/app/tasklist/";
    }

}
