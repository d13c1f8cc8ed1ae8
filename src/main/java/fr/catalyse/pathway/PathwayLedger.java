package fr.catalyse.pathway;

import fr.catalyse.platform.Deadlines;
import fr.catalyse.platform.EngineClock;
import fr.catalyse.platform.InvalidInputException;
import fr.catalyse.platform.ProcessVariables;
import fr.catalyse.territory.Territory;
import fr.catalyse.territory.TerritoryRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Lookups every recorder of the pathway models shares: the cohort, a participation, the
 * engine's clock. Public for the governance module, whose dialogues follow a cohort's
 * territories: it reads the same variables, territories and clock.
 */
@NamedInterface("cohorts")
@Component
public class PathwayLedger {

    private final CohortRepository cohorts;

    private final ParticipationRepository participations;

    private final TerritoryRepository territories;

    private final PathwayProperties properties;

    PathwayLedger(CohortRepository cohorts, ParticipationRepository participations, TerritoryRepository territories,
            PathwayProperties properties) {
        this.cohorts = cohorts;
        this.participations = participations;
        this.territories = territories;
        this.properties = properties;
    }

    Cohort cohort(VariableScope scope) {
        Object id = scope.getVariable(ProcessVariables.COHORT_ID);
        return cohorts.findById(((Number) id).longValue())
            .orElseThrow(() -> new IllegalStateException("Cohorte introuvable : " + id));
    }

    Participation participation(VariableScope scope) {
        String territory = (String) scope.getVariable(ProcessVariables.TERRITORY);
        return participations.findByCohortAndTerritoryCode(cohort(scope), territory)
            .orElseThrow(
                    () -> new IllegalStateException("Le territoire " + territory + " ne participe pas à la cohorte"));
    }

    public Territory territory(String code) {
        return territories.findByCode(code)
            .orElseThrow(() -> new InvalidInputException("Le territoire « " + code + " » n'existe pas dans Catalyse."));
    }

    /** A day of the programme at the configured session time, Paris time. */
    Date at(LocalDate day) {
        return Date.from(day.atTime(LocalTime.parse(properties.sessionTime())).atZone(Deadlines.ZONE).toInstant());
    }

    public static Instant now() {
        return EngineClock.now();
    }

    static LocalDate today() {
        return EngineClock.today();
    }

}
