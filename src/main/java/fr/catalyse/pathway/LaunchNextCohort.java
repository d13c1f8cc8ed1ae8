package fr.catalyse.pathway;

import fr.catalyse.forms.Read;
import fr.catalyse.platform.Deadlines;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Task_LaunchNextCohort: the scale-up committee decided on a new cohort; it starts with
 * the name and start date the committee gave and the usual calendar
 * ({@code catalyse.pathway.next-cohort-sessions}).
 */
@Component
class LaunchNextCohort implements JavaDelegate {

    static final String PROCESS_KEY = "pilot-pathway";

    private final PathwayLedger ledger;

    private final PathwayProperties properties;

    private final RuntimeService runtime;

    LaunchNextCohort(PathwayLedger ledger, PathwayProperties properties, @Lazy RuntimeService runtime) {
        this.ledger = ledger;
        this.properties = properties;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Cohort cohort = ledger.cohort(execution);
        LocalDate start = Read.date(execution, "nextCohortStart");
        Map<String, Object> calendar = new HashMap<>();
        calendar.put("cohortName", Read.text(execution, "nextCohortName"));
        calendar.put("startDate", start.toString());
        calendar.put("targetTerritories", (long) cohort.getTargetTerritories());
        calendar.put("applicationDeadline", shifted(start, "applications"));
        for (SessionCode code : SessionCode.values()) {
            calendar.put("session" + code.name(), shifted(start, code.name()));
        }
        String next = runtime.startProcessInstanceByKey(PROCESS_KEY, calendar).getId();
        execution.setVariable("nextCohortProcessInstanceId", next);
        cohort.become(CohortStatus.CLOSED, PathwayLedger.now());
    }

    private String shifted(LocalDate start, String step) {
        String offset = properties.nextCohortSessions().get(step);
        return Deadlines.after(ledger.at(start), offset).toInstant().atZone(Deadlines.ZONE).toLocalDate().toString();
    }

}
