package fr.catalyse.pathway;

import fr.catalyse.access.Caller;
import fr.catalyse.access.Role;
import fr.catalyse.platform.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The programme team's operations on a running cohort that no task carries, such as moving a session. */
@RestController
class CohortApi {

  private final Caller caller;
  private final PathwaySessions sessions;

  CohortApi(Caller caller, PathwaySessions sessions) {
    this.caller = caller;
    this.sessions = sessions;
  }

  /** PUT /api/cohortes/{id}/sessions/{code} {"date": "2027-03-12"}: the session moves, and its timer with it. */
  @PutMapping("/api/cohortes/{cohortId}/sessions/{code}")
  Map<String, String> reschedule(@PathVariable long cohortId, @PathVariable String code, @RequestBody Map<String, String> body) {
    caller.requireRole(Role.PROGRAMME_TEAM);
    LocalDate day;
    try {
      day = LocalDate.parse(body.getOrDefault("date", ""));
    } catch (DateTimeParseException invalid) {
      throw new InvalidInputException("« date » doit être une date au format AAAA-MM-JJ.");
    }
    known(code);
    sessions.reschedule(cohortId, code, day);
    return Map.of("session", code, "date", day.toString());
  }

  /** POST /api/cohortes/{id}/sessions/{code}/annulation: the session will not take place. */
  @PostMapping("/api/cohortes/{cohortId}/sessions/{code}/annulation")
  Map<String, String> cancel(@PathVariable long cohortId, @PathVariable String code) {
    caller.requireRole(Role.PROGRAMME_TEAM);
    known(code);
    sessions.cancel(cohortId, code);
    return Map.of("session", code, "statut", "annulée");
  }

  private static void known(String code) {
    try {
      SessionCode.of(code);
    } catch (IllegalArgumentException unknown) {
      throw new InvalidInputException("Session inconnue : " + code + " (S1, S2, W, S3 ou S4).");
    }
  }
}
