package fr.catalyse.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import org.junit.jupiter.api.Test;

class FormSchemaTest {

    @Test
    void theVariablesReadByTheRulesIncludeThoseOfConditionsAndOptionLists() throws Exception {
        FormSchema deliverable = FormSchema.read(new FileInputStream("forms/pilot-submit-deliverable.form"));
        assertThat(deliverable.variableNames())
            .as("fields, fields of the dynamic list, and the process variable its condition reads")
            .contains("deliverableSummary", "contributions", "content", "session");

        FormSchema proposal = FormSchema.read(new FileInputStream("forms/partnership-propose-matches.form"));
        assertThat(proposal.variableNames()).as("the variable holding the options")
            .contains("invitedOrganisations", "candidateOptions");
    }

}
