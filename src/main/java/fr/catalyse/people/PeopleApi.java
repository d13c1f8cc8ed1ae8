package fr.catalyse.people;

import fr.catalyse.access.Caller;
import fr.catalyse.access.Role;
import fr.catalyse.platform.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * /api/personnes (HTTP Basic, like the rest of /api): departures, successors, exports and
 * the record of operations on personal data. The programme team may do everything; a
 * territory's catalyst deactivates and reactivates the contacts of their territory's
 * organisations; anyone exports their own data (GET /api/personnes/moi/export).
 */
@RestController
class PeopleApi {

    private final Caller caller;

    private final IdentityService identity;

    private final Departures departures;

    private final PersonalDataExport exports;

    private final PeopleLedger ledger;

    private final ProgrammePlaces places;

    private final PersonalDataErasure erasure;

    PeopleApi(Caller caller, IdentityService identity, Departures departures, PersonalDataExport exports,
            PeopleLedger ledger, ProgrammePlaces places, PersonalDataErasure erasure) {
        this.erasure = erasure;
        this.caller = caller;
        this.identity = identity;
        this.departures = departures;
        this.exports = exports;
        this.ledger = ledger;
        this.places = places;
    }

    /** Body of a deactivation: optional successor and reason. */
    record DeactivationRequest(String successeur, String motif) {
    }

    record SuccessionRequest(String successeur) {
    }

    @PostMapping("/api/personnes/{userId}/desactivation")
    Map<String, Object> deactivate(@PathVariable String userId,
            @RequestBody(required = false) DeactivationRequest request) {
        Departures.Actor actor = actor(Role.PROGRAMME_TEAM, Role.CATALYST);
        String successor = request == null || request.successeur() == null || request.successeur().isBlank() ? null
                : request.successeur().trim();
        Departures.Outcome outcome = caller
            .asSystem(() -> departures.deactivate(actor, userId, successor, request == null ? null : request.motif()));
        return answer(outcome, true);
    }

    @PostMapping("/api/personnes/{userId}/reactivation")
    Map<String, Object> reactivate(@PathVariable String userId) {
        Departures.Actor actor = actor(Role.PROGRAMME_TEAM, Role.CATALYST);
        List<String> restored = caller.asSystem(() -> departures.reactivate(actor, userId));
        return Map.of("personne", userId, "active", true, "groupesEtTerritoiresRetablis", restored);
    }

    @PostMapping("/api/personnes/{userId}/succession")
    Map<String, Object> handOver(@PathVariable String userId, @RequestBody SuccessionRequest request) {
        Departures.Actor actor = actor(Role.PROGRAMME_TEAM);
        if (request == null || request.successeur() == null || request.successeur().isBlank()) {
            throw new InvalidInputException(
                    "Indiquez « successeur » : l'identifiant de la personne qui reprend le travail.");
        }
        return answer(caller.asSystem(() -> departures.handOver(actor, userId, request.successeur().trim())), false);
    }

    /**
     * Erases a person who left, once their retention period is over (409 before, with the
     * date).
     */
    @PostMapping("/api/personnes/{userId}/effacement")
    Map<String, Object> erase(@PathVariable String userId) {
        String actor = caller.requireRole(Role.PROGRAMME_TEAM);
        String pseudonym = caller.asSystem(() -> erasure.erase(userId, actor));
        return Map.of("personne", pseudonym, "effacee", true);
    }

    /**
     * The departures, the binômes they left incomplete, and the latest operations on
     * personal data.
     */
    @GetMapping("/api/personnes/departs")
    Map<String, Object> departures() {
        caller.requireRole(Role.PROGRAMME_TEAM);
        return caller.asSystem(() -> Map.of("departs", ledger.departures(), "binomesIncomplets",
                places.incompleteBinomes(), "effacables", erasure.due()));
    }

    @GetMapping("/api/personnes/journal")
    List<PeopleLedger.Operation> journal() {
        caller.requireRole(Role.PROGRAMME_TEAM);
        return caller.asSystem(() -> ledger.operations(500));
    }

    @GetMapping("/api/personnes/moi/export")
    ResponseEntity<byte[]> exportMine() {
        String userId = caller.userId();
        return zip(userId, caller.asSystem(() -> exports.export(userId, userId)));
    }

    @GetMapping("/api/personnes/{userId}/export")
    ResponseEntity<byte[]> export(@PathVariable String userId) {
        String actor = caller.requireRole(Role.PROGRAMME_TEAM);
        return zip(userId, caller.asSystem(() -> exports.export(userId, actor)));
    }

    static ResponseEntity<byte[]> zip(String userId, byte[] content) {
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_TYPE, "application/zip")
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    "attachment; filename=\"donnees-" + userId.replaceAll("[^a-z0-9._-]", "_") + ".zip\"")
            .body(content);
    }

    private Departures.Actor actor(Role... roles) {
        String userId = caller.requireRole(roles);
        var authentication = identity.getCurrentAuthentication();
        return new Departures.Actor(userId, Set.copyOf(authentication.getGroupIds()));
    }

    private static Map<String, Object> answer(Departures.Outcome outcome, boolean deactivated) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("personne", outcome.userId());
        answer.put("active", !deactivated);
        answer.put("successeur", outcome.successor());
        answer.put("tachesReattribuees", outcome.tasksHandedBack());
        answer.put("groupesQuittes", outcome.groupsLeft());
        answer.put("territoiresQuittes", outcome.tenantsLeft());
        answer.put(deactivated ? "binomesSignales" : "binomesRepris", outcome.binomesFlagged());
        answer.put("partenariatsRepris", outcome.partnershipsHandedOver());
        return answer;
    }

    static ResponseStatusException notFound(String userId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "Personne inconnue : " + userId);
    }

}
