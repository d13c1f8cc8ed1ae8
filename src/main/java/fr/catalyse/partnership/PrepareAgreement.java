package fr.catalyse.partnership;

import fr.catalyse.access.AccessDirectory;
import fr.catalyse.access.Role;
import fr.catalyse.forms.FormValues;
import fr.catalyse.forms.Read;
import fr.catalyse.platform.ProcessVariables;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_PrepareAgreement: every partner organisation signs the agreement, and so does the
 * territory's local authority, which co-signs the partnerships it validated the stakes
 * of.
 */
@Component
class PrepareAgreement implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        List<String> signatories = new ArrayList<>();
        Read.list(execution, "partners").forEach(code -> signatories.add(AccessDirectory.organisationGroup(code)));
        signatories.add(Role.LOCAL_AUTHORITY.groupIn(Read.text(execution, ProcessVariables.TERRITORY)));
        execution.setVariable("signatories", FormValues.json(signatories));
    }

}
