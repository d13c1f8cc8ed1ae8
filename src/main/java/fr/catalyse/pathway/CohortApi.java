package fr.catalyse.pathway;

import fr.catalyse.access.Caller;
import fr.catalyse.access.Role;
import fr.catalyse.platform.InvalidInputException;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The programme team's operations on a running cohort that no task carries, such as
 * moving a session.
 */
@RestController
class CohortApi {

    private final Caller caller;

    private final PathwaySessions sessions;

    CohortApi(Caller caller, PathwaySessions sessions) {
        this.caller = caller;
        this.sessions = sessions;
    }

    /**
     * PUT /api/cohortes/{id}/sessions/{code} {"date": "2027-03-12"}: the session moves,
     * and its timer with it.
     */
    @PutMapping("/api/cohortes/{cohortId}/sessions/{code}")
    Rescheduled reschedule(@PathVariable long cohortId, @PathVariable String code, @RequestBody NewDate body) {
        caller.requireRole(Role.PROGRAMME_TEAM);
        if (body.date() == null) {
            throw InvalidInputException.notADate("date");
        }
        known(code);
        sessions.reschedule(cohortId, code, body.date());
        return new Rescheduled(code, body.date());
    }

    /**
     * POST /api/cohortes/{id}/sessions/{code}/annulation: the session will not take
     * place.
     */
    @PostMapping("/api/cohortes/{cohortId}/sessions/{code}/annulation")
    Cancelled cancel(@PathVariable long cohortId, @PathVariable String code) {
        caller.requireRole(Role.PROGRAMME_TEAM);
        known(code);
        sessions.cancel(cohortId, code);
        return new Cancelled(code, "annulée");
    }

    /**
     * The session's new day; a date written otherwise than AAAA-MM-JJ is refused in
     * French (platform.ApiErrors).
     */
    record NewDate(LocalDate date) {
    }

    record Rescheduled(String session, LocalDate date) {
    }

    record Cancelled(String session, String statut) {
    }

    private static void known(String code) {
        try {
            SessionCode.of(code);
        }
        catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("Session inconnue : " + code + " (S1, S2, W, S3 ou S4).");
        }
    }

}
