package fr.catalyse.partnership;

import fr.catalyse.forms.FormValues;
import fr.catalyse.forms.Read;
import fr.catalyse.platform.InvalidInputException;
import fr.catalyse.platform.ProcessVariables;
import fr.catalyse.platform.WithoutAuthorization;
import fr.catalyse.territory.NewOrganisations;
import fr.catalyse.territory.Organisation;
import fr.catalyse.territory.OrganisationRepository;
import fr.catalyse.territory.TerritoryRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Records what the territorial dialogue's tasks decide (listeners of
 * SubProcess_TerritorialDialogue).
 */
@Component
public class PartnershipDialogue {

    static final String TERRITORY_ORGANISATIONS = "territoryOrganisations";
    static final String NEW_ORGANISATIONS = "newOrganisations";

    private final PartnershipLedger ledger;

    private final NewOrganisations newOrganisations;

    private final TerritoryRepository territories;

    private final OrganisationRepository organisations;

    PartnershipDialogue(PartnershipLedger ledger, NewOrganisations newOrganisations, TerritoryRepository territories,
            OrganisationRepository organisations) {
        this.ledger = ledger;
        this.newOrganisations = newOrganisations;
        this.territories = territories;
        this.organisations = organisations;
    }

    /** Task_SharedDiagnostic */
    public void diagnosticShared(DelegateTask task) {
        ledger.of(task)
            .diagnose(Read.joined(task, "fragilities"), Read.text(task, "territoryAssets"),
                    Read.text(task, "keyActors"));
    }

    /**
     * Task_MapStakeholders, on creation: the territory's organisations as the directory
     * has them now, so that those imported since the partnership began, or added at an
     * earlier mapping, are offered.
     */
    public void stakeholdersOffered(DelegateTask task) {
        Map<String, String> options = new LinkedHashMap<>();
        territories.findByCode(Read.text(task, ProcessVariables.TERRITORY)).ifPresent(territory -> {
            for (Organisation organisation : organisations.findByTerritoryOrderByName(territory)) {
                options.put(organisation.getCode(),
                        organisation.getName() + " (" + organisation.getKind().label() + ")");
            }
        });
        task.getExecution().getProcessInstance().setVariable(TERRITORY_ORGANISATIONS, FormValues.options(options));
    }

    /**
     * Task_MapStakeholders: the organisations added are registered in the directory
     * (their contacts invited), and join the chosen ones as candidates; the matchmaking
     * asks each of them for its needs. The checklist may offer nothing (no organisation
     * of the territory registered yet), so it is not required in the form: at least one
     * organisation, chosen or added, is required here.
     */
    public void stakeholdersMapped(DelegateTask task) {
        List<NewOrganisations.Entry> added = new ArrayList<>();
        for (Map<String, Object> entry : Read.entries(task, NEW_ORGANISATIONS)) {
            added.add(new NewOrganisations.Entry(text(entry, "organisationName"), text(entry, "organisationKind"),
                    text(entry, "contactFirstName"), text(entry, "contactLastName"), text(entry, "contactEmail")));
        }
        Set<String> candidates = new LinkedHashSet<>(Read.list(task, "candidateOrganisations"));
        if (candidates.isEmpty() && added.isEmpty()) {
            throw new InvalidInputException(
                    "Formulaire incomplet ou invalide : associez au moins une organisation, en la "
                            + "cochant dans « Organisations à associer » ou en l'ajoutant dans « Nouvelles organisations ». Si la liste "
                            + "est vide, aucune organisation du territoire n'est encore inscrite dans Catalyse : ajoutez-les.");
        }
        if (!added.isEmpty()) {
            String territory = Read.text(task, ProcessVariables.TERRITORY);
            // Accounts and groups are the directory's to create, not the catalyst's: the
            // rule is that a catalyst may add
            // organisations from this task, checked above and by the form.
            candidates.addAll(
                    WithoutAuthorization.call(() -> newOrganisations.add(territory, added, "Nouvelles organisations")));
            // The output mapping hands the candidates to the matchmaking, and a later
            // mapping opens with them checked.
            task.setVariable("candidateOrganisations", FormValues.json(List.copyOf(candidates)));
            stakeholdersOffered(task);
        }
        Partnership partnership = ledger.of(task);
        candidates.forEach(code -> ledger.partner(partnership, code));
    }

    private static String text(Map<String, Object> entry, String key) {
        Object value = entry.get(key);
        return value == null ? null : value.toString();
    }

    /** Task_AcquaintanceMeeting */
    public void acquaintanceMet(DelegateTask task) {
        ledger.journal(ledger.of(task), JournalKind.ACQUAINTANCE_MEETING, null, Read.date(task, "meetingDate"),
                Read.text(task, "meetingSummary"), Read.integer(task, "attendeeCount") + " participants");
    }

    /** Task_ValidateSharedStakes */
    public void stakesDecided(DelegateTask task) {
        ledger.journal(ledger.of(task), JournalKind.STAKES_DECISION, null, null, Read.text(task, "stakesComment"),
                Read.text(task, "stakesDecision"));
    }

}
