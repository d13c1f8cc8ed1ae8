package fr.catalyse.pathway;

import fr.catalyse.platform.Deadlines;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the pilot-pathway model asks of the programme's calendar:
 * {@code ${pilotPathway.sessionCodes()}}, {@code ${pilotPathway.months()}}, and the dates
 * when the programme team is warned that the ninth month ends and when the cohort
 * overruns.
 */
@Component
public class PilotPathway {

    private final PathwayProperties properties;

    private final PathwayLedger ledger;

    private final Deadlines deadlines;

    PilotPathway(PathwayProperties properties, PathwayLedger ledger, Deadlines deadlines) {
        this.properties = properties;
        this.ledger = ledger;
        this.deadlines = deadlines;
    }

    public List<String> sessionCodes() {
        return Arrays.stream(SessionCode.values()).map(Enum::name).toList();
    }

    /**
     * Month numbers of the monthly follow-up, 1 to
     * {@code catalyse.pathway.support-months}.
     */
    public List<Integer> months() {
        return IntStream.rangeClosed(1, properties.supportMonths()).boxed().toList();
    }

    public Date endingWarningDate(DelegateExecution execution) {
        return Deadlines.before(end(execution), deadlines.of("pilot.ending-warning"));
    }

    public Date overrunDate(DelegateExecution execution) {
        return Deadlines.after(end(execution), deadlines.of("pilot.overrun-grace"));
    }

    private Date end(DelegateExecution execution) {
        return Deadlines.after(ledger.at(ledger.cohort(execution).getStartDate()), deadlines.of("pilot.duration"));
    }

}
