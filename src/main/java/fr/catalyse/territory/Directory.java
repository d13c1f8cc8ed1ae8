package fr.catalyse.territory;

import fr.catalyse.access.AccessDirectory;
import fr.catalyse.platform.InvalidInputException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers territories, organisations and participants: our records and their Camunda
 * accounts, groups and tenants, in one transaction. Registering the same entries again
 * changes nothing.
 */
@NamedInterface("imports")
@Service
public class Directory {

    private static final Logger log = LoggerFactory.getLogger(Directory.class);

    private final TerritoryRepository territories;

    private final OrganisationRepository organisations;

    private final ParticipantRepository participants;

    private final AccessDirectory access;

    Directory(TerritoryRepository territories, OrganisationRepository organisations, ParticipantRepository participants,
            AccessDirectory access) {
        this.territories = territories;
        this.organisations = organisations;
        this.participants = participants;
        this.access = access;
    }

    /**
     * What a registration did: the accounts it created, and the existing accounts whose
     * lines give another email address. Those keep the address they have, to which their
     * password links go: the caller asks for the new one to be confirmed (an import) or
     * leaves it (seeding).
     */
    public record Registration(Set<String> created, List<AddressChange> addressChanges) {
    }

    /**
     * An existing account's line gives {@code wanted}; the account still has
     * {@code current}.
     */
    public record AddressChange(String userId, String current, String wanted) {
    }

    /**
     * Registers the programme's participants, and only them: a line for the operator's
     * account, or for an account that exists outside the programme directory (no
     * participant record: made in Admin, a tool's account), is refused before anything is
     * applied.
     * @param initialPassword password for an account created now, from the person's first
     * line
     * @throws ParticipantOnboarding.DirectoryRejected naming the line, when it is such an
     * account, or when the engine or the database refuses to record it; the caller's
     * transaction is then rolled back, so nothing is applied
     */
    @Transactional
    public Registration register(List<DirectoryEntry> entries, Function<DirectoryEntry, String> initialPassword) {
        Map<String, List<DirectoryEntry>> people = entries.stream()
            .collect(Collectors.groupingBy(DirectoryEntry::userId, LinkedHashMap::new, Collectors.toList()));
        refuseAccountsOutsideTheProgramme(people);

        Map<String, Territory> territoriesByCode = new LinkedHashMap<>();
        entries.stream()
            .filter(DirectoryEntry::hasTerritory)
            .forEach(entry -> territoriesByCode.computeIfAbsent(entry.territoryCode(),
                    code -> applying(entry, () -> territory(code, entry.territoryName()))));

        Set<String> created = new LinkedHashSet<>();
        List<AddressChange> addressChanges = new ArrayList<>();
        people.forEach((userId, lines) -> applying(lines.get(0), () -> {
            if (!access.accountExists(userId)) {
                created.add(userId);
            }
            register(userId, lines, territoriesByCode, initialPassword.apply(lines.get(0)))
                .ifPresent(addressChanges::add);
            return null;
        }));
        return new Registration(created, addressChanges);
    }

    /**
     * The import may make and change the programme's participants; an account it did not
     * make is not its to change. The operator's above all: pointing it at another address
     * hands it over with « mot de passe oublié ».
     */
    private void refuseAccountsOutsideTheProgramme(Map<String, List<DirectoryEntry>> people) {
        List<String> refused = new ArrayList<>();
        people.forEach((userId, lines) -> {
            String line = "Ligne " + lines.get(0).line() + " (" + userId + ") : ";
            if (access.isOperator(userId)) {
                refused.add(line
                        + "c'est le compte de l'opérateur de Catalyse, que l'import ne modifie pas ; retirez cette ligne");
            }
            else if (access.accountExists(userId) && participants.findByUserId(userId).isEmpty()) {
                refused.add(
                        line + "ce compte existe déjà hors de l'annuaire du programme, et l'import ne le modifie pas ; "
                                + "choisissez un autre identifiant, ou demandez à l'opérateur de Catalyse");
            }
        });
        if (!refused.isEmpty()) {
            throw new ParticipantOnboarding.DirectoryRejected(refused);
        }
    }

    /**
     * Applies one line, flushing our records so that the database refuses it now rather
     * than at commit: the refusal then names the line. The engine writes at the end of
     * each of its calls already. After such a refusal PostgreSQL accepts nothing more in
     * the transaction, so the lines below go unchecked.
     */
    private <T> T applying(DirectoryEntry line, Supplier<T> work) {
        try {
            T result = work.get();
            participants.flush();
            return result;
        }
        catch (InvalidInputException invalid) {
            throw invalid;
        }
        catch (ProcessEngineException | DataAccessException | PersistenceException refused) {
            log.warn("Directory line {} ({}) refused", line.line(), line.userId(), refused);
            throw new ParticipantOnboarding.DirectoryRejected(line.line(),
                    "Ligne " + line.line() + " (" + line.userId() + ") : " + reason(refused));
        }
    }

    /** Why a line could not be recorded, in words the programme team can act on. */
    private static String reason(Throwable refused) {
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException) {
                return "ce qu'elle décrit a été modifié en même temps par une autre opération ; importez le fichier à nouveau";
            }
            if (cause instanceof SQLException sql && "22001".equals(sql.getSQLState())) {
                return "une valeur est trop longue pour être enregistrée ; raccourcissez les codes (territoire, organisation), "
                        + "l'identifiant ou les noms de cette ligne";
            }
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return "un territoire, une organisation ou une personne de cette ligne vient d'être enregistré par une autre "
                        + "opération ; importez le fichier à nouveau";
            }
            if ("Password does not match policy".equals(cause.getMessage())) {
                return "le mot de passe initial du compte ne respecte pas la politique de mots de passe";
            }
        }
        return "le moteur de processus a refusé de l'enregistrer ; vérifiez les codes, l'identifiant et les noms de cette ligne";
    }

    /**
     * An organisation registered before any of its people (a catalyst brings it in), with
     * the group its tasks are offered to.
     */
    @Transactional
    public Organisation registerOrganisation(String territoryCode, String code, String name, OrganisationKind kind) {
        Territory territory = territories.findByCode(territoryCode)
            .orElseThrow(() -> new IllegalArgumentException("Territoire inconnu : " + territoryCode));
        Organisation organisation = organisations.save(new Organisation(code, name, kind, territory));
        access.ensureGroup(AccessDirectory.organisationGroup(code), name, "organisation");
        return organisation;
    }

    private Optional<AddressChange> register(String userId, List<DirectoryEntry> lines,
            Map<String, Territory> territoriesByCode, String initialPassword) {
        DirectoryEntry person = lines.get(0);
        String current = access.ensureAccount(userId, person.firstName(), person.lastName(), person.email(),
                initialPassword);
        Optional<AddressChange> change = sameAddress(current, person.email()) ? Optional.empty()
                : Optional.of(new AddressChange(userId, current, person.email()));
        Organisation organisation = person.hasOrganisation()
                ? organisation(person, territoriesByCode.get(person.territoryCode())) : null;
        Participant participant = participants.findByUserId(userId).orElseGet(() -> new Participant(userId));
        // The record has the address the account has: the one « mot de passe oublié »
        // looks people up by.
        participant.update(person.firstName(), person.lastName(), current, person.role(), organisation);
        List<String> territoryCodes = lines.stream()
            .filter(DirectoryEntry::hasTerritory)
            .map(DirectoryEntry::territoryCode)
            .toList();
        territoryCodes.forEach(code -> participant.getTerritories().add(territoriesByCode.get(code)));
        participants.save(participant);
        access.grantRole(userId, person.role(), territoryCodes);
        if (organisation != null) {
            String group = AccessDirectory.organisationGroup(organisation.getCode());
            access.ensureGroup(group, organisation.getName(), "organisation");
            access.ensureMembership(userId, group);
        }
        return change;
    }

    private static boolean sameAddress(String current, String wanted) {
        return current != null && current.trim().equalsIgnoreCase(wanted.trim());
    }

    private Territory territory(String code, String name) {
        Territory territory = territories.findByCode(code).orElseGet(() -> territories.save(new Territory(code, name)));
        territory.rename(name);
        access.ensureTerritory(code, name);
        return territory;
    }

    private Organisation organisation(DirectoryEntry entry, Territory territory) {
        Organisation organisation = organisations.findByCode(entry.organisationCode())
            .orElseGet(() -> new Organisation(entry.organisationCode(), entry.organisationName(),
                    entry.organisationKind(), territory));
        organisation.update(entry.organisationName(), entry.organisationKind(), territory);
        return organisations.save(organisation);
    }

}
