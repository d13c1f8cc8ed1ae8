package fr.catalyse.people;

import fr.catalyse.territory.ParticipantRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The person's directory entry and account, their territories, roles and groups, and
 * their departure if they left.
 */
@Component
class DirectoryRecords implements PersonalData {

    private final ParticipantRepository participants;

    private final IdentityService identity;

    private final PeopleLedger ledger;

    DirectoryRecords(ParticipantRepository participants, IdentityService identity, PeopleLedger ledger) {
        this.participants = participants;
        this.identity = identity;
        this.ledger = ledger;
    }

    @Override
    public List<Section> export(Person person) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("identifiant", person.userId());
        participants.findByUserId(person.userId()).ifPresent(participant -> {
            entry.put("prenom", participant.getFirstName());
            entry.put("nom", participant.getLastName());
            entry.put("email", participant.getEmail());
            entry.put("role", participant.getRole().label());
            entry.put("organisation",
                    participant.getOrganisation() == null ? null : participant.getOrganisation().getName());
            entry.put("territoires", String.join(", ",
                    participant.getTerritories().stream().map(t -> t.getName() + " (" + t.getCode() + ")").toList()));
        });
        User account = identity.createUserQuery().userId(person.userId()).singleResult();
        if (account != null) {
            entry.put("compte_prenom", account.getFirstName());
            entry.put("compte_nom", account.getLastName());
            entry.put("compte_email", account.getEmail());
        }
        List<Map<String, Object>> memberships = new ArrayList<>();
        for (Group group : identity.createGroupQuery().groupMember(person.userId()).orderByGroupId().asc().list()) {
            memberships.add(row("type", "groupe", "identifiant", group.getId(), "nom", group.getName()));
        }
        for (Tenant tenant : identity.createTenantQuery()
            .userMember(person.userId())
            .includingGroupsOfUser(true)
            .list()) {
            memberships.add(row("type", "territoire (tenant)", "identifiant", tenant.getId(), "nom", tenant.getName()));
        }
        List<Map<String, Object>> departure = new ArrayList<>();
        ledger.departure(person.userId())
            .ifPresent(left -> departure.add(row("desactive_le", left.deactivatedAt(), "desactive_par",
                    left.deactivatedBy(), "motif", left.reason(), "successeur", left.successor(),
                    "effacement_possible_a_partir_du", left.eraseAfter())));
        ledger.formerPlaces(person.userId())
            .forEach(place -> memberships
                .add(row("type", "quitté au départ : " + place.kind(), "identifiant", place.id(), "nom", null)));
        return List.of(new Section("annuaire", List.of(entry)), new Section("roles-groupes-territoires", memberships),
                new Section("depart", departure));
    }

    @Override
    public void erase(Person person, String pseudonym) {
        // The directory entry, the account and the memberships are erased by
        // PersonalDataErasure itself.
    }

    static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int index = 0; index < pairs.length; index += 2) {
            row.put((String) pairs[index], pairs[index + 1]);
        }
        return row;
    }

}
