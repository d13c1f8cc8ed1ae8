package fr.catalyse.territory;

import fr.catalyse.access.AccessDirectory;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers territories, organisations and participants: our records and their Camunda accounts,
 * groups and tenants, in one transaction. Registering the same entries again changes nothing.
 */
@Service
public class Directory {

  private final TerritoryRepository territories;
  private final OrganisationRepository organisations;
  private final ParticipantRepository participants;
  private final AccessDirectory access;

  Directory(TerritoryRepository territories, OrganisationRepository organisations,
      ParticipantRepository participants, AccessDirectory access) {
    this.territories = territories;
    this.organisations = organisations;
    this.participants = participants;
    this.access = access;
  }

  /**
   * @param initialPassword password for an account created now, from its user id
   * @return the user ids of the accounts created by this call
   */
  @Transactional
  public Set<String> register(List<DirectoryEntry> entries, Function<String, String> initialPassword) {
    Map<String, Territory> territoriesByCode = new LinkedHashMap<>();
    entries.stream().filter(DirectoryEntry::hasTerritory).forEach(entry -> territoriesByCode.computeIfAbsent(
        entry.territoryCode(), code -> territory(code, entry.territoryName())));

    Set<String> created = new LinkedHashSet<>();
    entries.stream()
        .collect(Collectors.groupingBy(DirectoryEntry::userId, LinkedHashMap::new, Collectors.toList()))
        .forEach((userId, lines) -> {
          if (!access.accountExists(userId)) {
            created.add(userId);
          }
          register(userId, lines, territoriesByCode, initialPassword.apply(userId));
        });
    return created;
  }

  private void register(String userId, List<DirectoryEntry> lines, Map<String, Territory> territoriesByCode,
      String initialPassword) {
    DirectoryEntry person = lines.get(0);
    access.ensureAccount(userId, person.firstName(), person.lastName(), person.email(), initialPassword);
    Organisation organisation = person.hasOrganisation()
        ? organisation(person, territoriesByCode.get(person.territoryCode())) : null;
    Participant participant = participants.findByUserId(userId).orElseGet(() -> new Participant(userId));
    participant.update(person.firstName(), person.lastName(), person.email(), person.role(), organisation);
    List<String> territoryCodes = lines.stream().filter(DirectoryEntry::hasTerritory).map(DirectoryEntry::territoryCode).toList();
    territoryCodes.forEach(code -> participant.getTerritories().add(territoriesByCode.get(code)));
    participants.save(participant);
    access.grantRole(userId, person.role(), territoryCodes);
    if (organisation != null) {
      String group = AccessDirectory.organisationGroup(organisation.getCode());
      access.ensureGroup(group, organisation.getName(), "organisation");
      access.ensureMembership(userId, group);
    }
  }

  private Territory territory(String code, String name) {
    Territory territory = territories.findByCode(code).orElseGet(() -> territories.save(new Territory(code, name)));
    territory.rename(name);
    access.ensureTerritory(code, name);
    return territory;
  }

  private Organisation organisation(DirectoryEntry entry, Territory territory) {
    Organisation organisation = organisations.findByCode(entry.organisationCode())
        .orElseGet(() -> new Organisation(entry.organisationCode(), entry.organisationName(), entry.organisationKind(), territory));
    organisation.update(entry.organisationName(), entry.organisationKind(), territory);
    return organisations.save(organisation);
  }
}
