package fr.catalyse.pathway;

import fr.catalyse.forms.Read;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_SendConvocations: every binôme of the cohort is convened to the session, with its
 * calendar invitation.
 */
@Component
class SendConvocations implements JavaDelegate {

    private final PathwayLedger ledger;

    private final SessionRepository sessions;

    private final Convocations convocations;

    SendConvocations(PathwayLedger ledger, SessionRepository sessions, Convocations convocations) {
        this.ledger = ledger;
        this.sessions = sessions;
        this.convocations = convocations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Cohort cohort = ledger.cohort(execution);
        convocations.send(cohort,
                sessions.findByCohortAndCode(cohort, Read.text(execution, PathwaySessions.SESSION)).orElseThrow());
    }

}
