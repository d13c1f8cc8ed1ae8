package fr.catalyse.people;

import fr.catalyse.access.Caller;
import fr.catalyse.access.Role;
import fr.catalyse.platform.InvalidInputException;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The programme team's page /personnes (departures, incomplete binômes, people who may be
 * erased, the record of operations, and the forms to deactivate, reactivate, hand over,
 * export and erase), and the person's own export from /preferences. Both need the login
 * session (fr.catalyse.access.SignedInPages); posts from other sites are refused before
 * they get here (CrossSiteProtection).
 */
@Controller
class PeoplePages {

    private final Caller caller;

    private final IdentityService identity;

    private final Departures departures;

    private final PersonalDataExport exports;

    private final PersonalDataErasure erasure;

    private final PeopleLedger ledger;

    private final ProgrammePlaces places;

    PeoplePages(Caller caller, IdentityService identity, Departures departures, PersonalDataExport exports,
            PersonalDataErasure erasure, PeopleLedger ledger, ProgrammePlaces places) {
        this.caller = caller;
        this.identity = identity;
        this.departures = departures;
        this.exports = exports;
        this.erasure = erasure;
        this.ledger = ledger;
        this.places = places;
    }

    @PostMapping("/preferences/mes-donnees")
    ResponseEntity<byte[]> exportMine() {
        String userId = caller.userId();
        return PeopleApi.zip(userId, caller.asSystem(() -> exports.export(userId, userId)));
    }

    /**
     * A refused page is a page: the browser of a participant who follows a link here
     * reads the reason in French, not the API's JSON.
     */
    @org.springframework.web.bind.annotation.ExceptionHandler(org.springframework.web.server.ResponseStatusException.class)
    org.springframework.web.servlet.ModelAndView refused(
            org.springframework.web.server.ResponseStatusException refusal) {
        return new org.springframework.web.servlet.ModelAndView("personnes-refus",
                java.util.Map.of("reason", refusal.getReason() == null ? "Accès refusé" : refusal.getReason(),
                        "tasklist", fr.catalyse.platform.Webapps.TASKLIST),
                refusal.getStatusCode());
    }

    @GetMapping("/personnes")
    String show(Model model) {
        caller.requireRole(Role.PROGRAMME_TEAM);
        return page(model, null, null);
    }

    @PostMapping("/personnes")
    Object act(@RequestParam("action") String action, @RequestParam("identifiant") String userId,
            @RequestParam(name = "successeur", required = false) String successor,
            @RequestParam(name = "motif", required = false) String reason, Model model) {
        String actorId = caller.requireRole(Role.PROGRAMME_TEAM);
        Departures.Actor actor = new Departures.Actor(actorId,
                Set.copyOf(identity.getCurrentAuthentication().getGroupIds()));
        String person = userId.trim();
        String next = successor == null || successor.isBlank() ? null : successor.trim();
        try {
            String done = caller.asSystem(() -> switch (action) {
                case "desactiver" -> {
                    departures.deactivate(actor, person, next, reason);
                    yield person + " est désactivé(e) : ses tâches sont réattribuées et ses accès retirés.";
                }
                case "reactiver" -> {
                    departures.reactivate(actor, person);
                    yield person + " est réactivé(e) : ses groupes et territoires sont rétablis.";
                }
                case "succession" -> {
                    if (next == null) {
                        throw new InvalidInputException("Indiquez le successeur.");
                    }
                    departures.handOver(actor, person, next);
                    yield next + " reprend les tâches, binômes et partenariats de " + person + ".";
                }
                case "effacer" -> "Effacé(e) sous le pseudonyme " + erasure.erase(person, actorId) + ".";
                case "exporter" -> null;
                default -> throw new InvalidInputException("Action inconnue : " + action);
            });
            if (done == null) {
                return PeopleApi.zip(person, caller.asSystem(() -> exports.export(person, actorId)));
            }
            return page(model, done, null);
        }
        catch (InvalidInputException refused) {
            return page(model, null, refused.getMessage());
        }
        catch (ResponseStatusException refused) {
            return page(model, null, refused.getReason());
        }
    }

    private String page(Model model, String done, String error) {
        caller.asSystem(() -> {
            model.addAttribute("departures", ledger.departures());
            model.addAttribute("binomes", places.incompleteBinomes());
            model.addAttribute("erasable", erasure.due());
            model.addAttribute("operations", ledger.operations(100));
            return null;
        });
        model.addAttribute("done", done);
        model.addAttribute("error", error);
        return "personnes";
    }

}
