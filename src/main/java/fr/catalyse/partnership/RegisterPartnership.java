package fr.catalyse.partnership;

import fr.catalyse.access.AccessDirectory;
import fr.catalyse.access.DirectRequests;
import fr.catalyse.access.Role;
import fr.catalyse.forms.Read;
import fr.catalyse.platform.InvalidInputException;
import fr.catalyse.platform.ProcessVariables;
import fr.catalyse.territory.ParticipantRepository;
import fr.catalyse.territory.Territory;
import fr.catalyse.territory.TerritoryRepository;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterPartnership: checks that the territory exists, names the catalyst in
 * charge (the person who started it, if a catalyst of that territory; whether they could
 * start there at all was decided by the engine before any of this ran), creates the
 * record and gives the instance a business key Cockpit can show ("nantes / Mobilité
 * solidaire").
 */
@Component
class RegisterPartnership implements JavaDelegate {

    static final String SPREAD_FROM = "spreadFrom";

    private final TerritoryRepository territories;

    private final ParticipantRepository participants;

    private final PartnershipRepository partnerships;

    private final AccessDirectory access;

    private final DirectRequests requests;

    RegisterPartnership(TerritoryRepository territories, ParticipantRepository participants,
            PartnershipRepository partnerships, AccessDirectory access, DirectRequests requests) {
        this.territories = territories;
        this.participants = participants;
        this.partnerships = partnerships;
        this.access = access;
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = Read.text(execution, ProcessVariables.TERRITORY);
        Territory territory = territories.findByCode(code)
            .orElseThrow(() -> new InvalidInputException("Le territoire « " + code + " » n'existe pas dans Catalyse."));
        // Who asked for this start, never the "initiator" variable: a caller's start
        // variables overwrite it.
        String catalyst = catalystInCharge(requests.starter().orElse(null), territory);
        // Only the engine's own start (SpreadPartnership) links a partnership to the one
        // it spreads.
        Object origin = requests.starter().isPresent() ? null : execution.getVariable(SPREAD_FROM);
        Partnership partnership = partnerships
            .save(new Partnership(Read.text(execution, ProcessVariables.PARTNERSHIP_NAME), territory,
                    Read.text(execution, "partnershipKind"), Read.joined(execution, "objectives"),
                    Read.joined(execution, "fragilities"), Read.text(execution, "summary"), catalyst,
                    execution.getProcessInstanceId(),
                    origin == null ? null : partnerships.getReferenceById(((Number) origin).longValue()),
                    PartnershipLedger.now()));

        execution.setVariable(PartnershipLedger.PARTNERSHIP_ID, partnership.getId());
        execution.setVariable(ProcessVariables.TERRITORY_NAME, territory.getName());
        execution.setVariable(ProcessVariables.CATALYST, catalyst);
        execution.setProcessBusinessKey(code + " / " + partnership.getName());
    }

    /**
     * A catalyst of the territory starting a partnership is in charge of it; the
     * programme team (or an automatic start, such as spreading) leaves it to the
     * territory's catalysts. Anyone else may not: the engine already refused them
     * (TerritoryTenants), this holds should a start get past it.
     */
    private String catalystInCharge(String starter, Territory territory) {
        if (starter == null || access.isMember(starter, Role.PROGRAMME_TEAM.groupId())
                || access.isMember(starter, Groups.CAMUNDA_ADMIN)) {
            return null;
        }
        if (access.isMember(starter, Role.CATALYST.groupIn(territory.getCode()))) {
            return starter;
        }
        throw new InvalidInputException("Vous n'êtes pas catalyseur du territoire « " + territory.getName()
                + " » : seul un de ses catalyseurs ou l'équipe programme peut y lancer un partenariat.");
    }

}
