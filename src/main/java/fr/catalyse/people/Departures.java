package fr.catalyse.people;

import fr.catalyse.access.AccessDirectory;
import fr.catalyse.access.PasswordLinks;
import fr.catalyse.access.Role;
import fr.catalyse.platform.EngineClock;
import fr.catalyse.platform.InvalidInputException;
import fr.catalyse.territory.Participant;
import fr.catalyse.territory.ParticipantRepository;
import fr.catalyse.territory.Territory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * A person leaves (deactivation), comes back (reactivation), or hands their work over to
 * a successor. Each runs in one transaction with the engine's authorization checks off:
 * the caller's right is checked first ({@link #requireMayAct}).
 *
 * <p>
 * Reactivation restores the groups and tenants the person left (remembered at departure):
 * a departure undone is most often a mistake or a leave that ended. The tasks handed back
 * stay with whoever has them now.
 */
@Service
class Departures {

    static final String DEACTIVATION = "DESACTIVATION";
    static final String REACTIVATION = "REACTIVATION";
    static final String SUCCESSION = "SUCCESSION";

    private final PeopleLedger ledger;

    private final ParticipantRepository participants;

    private final IdentityService identity;

    private final TaskService tasks;

    private final AccessDirectory access;

    private final PasswordLinks passwords;

    private final ProgrammePlaces places;

    private final DepartureNotices notices;

    private final PeopleSettings settings;

    private final NotificationRecords emails;

    Departures(PeopleLedger ledger, ParticipantRepository participants, IdentityService identity, TaskService tasks,
            AccessDirectory access, PasswordLinks passwords, ProgrammePlaces places, DepartureNotices notices,
            PeopleSettings settings, NotificationRecords emails) {
        this.emails = emails;
        this.ledger = ledger;
        this.participants = participants;
        this.identity = identity;
        this.tasks = tasks;
        this.access = access;
        this.passwords = passwords;
        this.places = places;
        this.notices = notices;
        this.settings = settings;
    }

    /** Who acts, as the API or a page authenticated them. */
    record Actor(String userId, Set<String> groupIds) {

        boolean programmeTeam() {
            return groupIds.contains(Role.PROGRAMME_TEAM.groupId())
                    || groupIds.contains(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);
        }

        /** Territories where the actor is a catalyst. */
        Set<String> catalystTerritories() {
            String prefix = Role.CATALYST.groupId() + ".";
            return groupIds.stream()
                .filter(group -> group.startsWith(prefix))
                .map(group -> group.substring(prefix.length()))
                .collect(Collectors.toSet());
        }
    }

    /** What a departure did, for the answer and the record. */
    record Outcome(String userId, List<String> tasksHandedBack, List<String> groupsLeft, List<String> tenantsLeft,
            List<String> binomesFlagged, List<String> partnershipsHandedOver, String successor) {
    }

    /**
     * The programme team may act on anyone of the programme; a territory's catalyst only
     * on the contacts of the organisations of their territories (not on another catalyst,
     * nor on the programme side).
     */
    Participant requireMayAct(Actor actor, String userId) {
        Participant person = participants.findByUserId(userId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "Personne inconnue dans l'annuaire du programme : " + userId));
        if (actor.programmeTeam()) {
            return person;
        }
        boolean contactOfTheirOrganisation = person.getRole().territorial() && person.getRole() != Role.CATALYST
                && person.getOrganisation() != null && person.getOrganisation().getTerritory() != null
                && actor.catalystTerritories().contains(person.getOrganisation().getTerritory().getCode());
        if (!contactOfTheirOrganisation) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Accès réservé : l'équipe programme, ou un catalyseur pour les "
                            + "contacts des organisations de son territoire.");
        }
        return person;
    }

    @Transactional
    Outcome deactivate(Actor actor, String userId, String successor, String reason) {
        return leave(requireMayAct(actor, userId), actor.userId(), successor, reason);
    }

    /**
     * The import marked these people as gone (its caller is the programme team); those
     * already gone stay as they are.
     */
    @Transactional
    List<String> deactivateImported(List<String> userIds, String importedBy) {
        List<String> unknown = userIds.stream().filter(userId -> participants.findByUserId(userId).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("Personnes marquées parties mais absentes de l'annuaire du programme : "
                    + String.join(", ", unknown) + ". Rien n'a été importé.");
        }
        List<String> deactivated = new ArrayList<>();
        for (String userId : userIds) {
            if (!ledger.departed(userId)) {
                leave(participants.findByUserId(userId).orElseThrow(), importedBy, null,
                        "Marqué(e) parti(e) par un import de l'annuaire");
                deactivated.add(userId);
            }
        }
        return deactivated;
    }

    private Outcome leave(Participant person, String by, String successor, String reason) {
        String userId = person.getUserId();
        if (access.isOperator(userId)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Le compte de l'opérateur de Catalyse ne se désactive pas ici.");
        }
        if (ledger.departed(userId)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, userId + " est déjà désactivé(e).");
        }
        if (successor != null) {
            requireSuccessor(person, successor);
        }
        List<String> handedBack = handBackTasks(userId, successor);
        List<String> partnerships = new ArrayList<>();
        for (ProgrammePlaces.PartnershipPlace partnership : places.partnerships(userId)) {
            places.replaceInPartnership(partnership, successor);
            partnerships.add(partnership.name());
        }
        List<String> flagged = new ArrayList<>();
        for (ProgrammePlaces.BinomePlace binome : places.binomes(userId)) {
            if (successor != null) {
                places.replaceInBinome(binome, userId, successor);
            }
            else {
                notices.binomeIncomplete(binome, userId);
                flagged.add(binome.territoryName() + " (" + binome.cohort() + ")");
            }
        }
        List<String> groups = identity.createGroupQuery()
            .groupMember(userId)
            .list()
            .stream()
            .map(Group::getId)
            .toList();
        List<String> tenants = identity.createTenantQuery()
            .userMember(userId)
            .list()
            .stream()
            .map(Tenant::getId)
            .toList();
        groups.forEach(group -> identity.deleteMembership(userId, group));
        tenants.forEach(tenant -> identity.deleteTenantUserMembership(tenant, userId));
        passwords.revokeAll(userId);
        emails.withholdPending(userId);
        List<PeopleLedger.Place> left = new ArrayList<>();
        groups.forEach(group -> left.add(new PeopleLedger.Place(PeopleLedger.GROUP, group)));
        tenants.forEach(tenant -> left.add(new PeopleLedger.Place(PeopleLedger.TENANT, tenant)));
        ledger.depart(userId, by, reason, successor, settings.eraseAfter(EngineClock.now()), left);
        Outcome outcome = new Outcome(userId, handedBack, groups, tenants, flagged, partnerships, successor);
        ledger.log(DEACTIVATION, userId, by, describe(outcome, reason));
        return outcome;
    }

    @Transactional
    List<String> reactivate(Actor actor, String userId) {
        requireMayAct(actor, userId);
        PeopleLedger.Departure departure = ledger.departure(userId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, userId + " n'est pas désactivé(e)."));
        if (departure.erasedAt() != null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Cette personne a été effacée : elle ne peut plus être réactivée.");
        }
        List<String> restored = new ArrayList<>();
        for (PeopleLedger.Place place : ledger.formerPlaces(userId)) {
            if (PeopleLedger.GROUP.equals(place.kind())
                    && identity.createGroupQuery().groupId(place.id()).count() > 0) {
                access.ensureMembership(userId, place.id());
                restored.add(place.id());
            }
            else if (PeopleLedger.TENANT.equals(place.kind())
                    && identity.createTenantQuery().tenantId(place.id()).count() > 0
                    && identity.createTenantQuery().tenantId(place.id()).userMember(userId).count() == 0) {
                identity.createTenantUserMembership(place.id(), userId);
                restored.add(place.id());
            }
        }
        ledger.returned(userId);
        ledger.log(REACTIVATION, userId, actor.userId(),
                "Groupes et territoires rétablis : " + String.join(", ", restored));
        return restored;
    }

    /**
     * The successor takes over the person's open tasks, their places in binômes and the
     * partnerships in their charge.
     */
    @Transactional
    Outcome handOver(Actor actor, String userId, String successor) {
        Participant person = requireMayAct(actor, userId);
        requireSuccessor(person, successor);
        List<String> handedOver = handBackTasks(userId, successor);
        List<String> partnerships = new ArrayList<>();
        for (ProgrammePlaces.PartnershipPlace partnership : places.partnerships(userId)) {
            places.replaceInPartnership(partnership, successor);
            partnerships.add(partnership.name());
        }
        List<String> binomes = new ArrayList<>();
        for (ProgrammePlaces.BinomePlace binome : places.binomes(userId)) {
            places.replaceInBinome(binome, userId, successor);
            binomes.add(binome.territoryName() + " (" + binome.cohort() + ")");
        }
        Outcome outcome = new Outcome(userId, handedOver, List.of(), List.of(), binomes, partnerships, successor);
        ledger.log(SUCCESSION, userId, actor.userId(), describe(outcome, null));
        return outcome;
    }

    /**
     * A successor is an active participant of the same role (and, for an organisation's
     * contact, of the same organisation) who belongs to every territory the person's work
     * is in: otherwise the tasks, the binôme or the partnership would go to someone who
     * may not see them.
     */
    private void requireSuccessor(Participant person, String successor) {
        if (successor.equals(person.getUserId())) {
            throw new InvalidInputException("Le successeur doit être une autre personne.");
        }
        Participant next = participants.findByUserId(successor)
            .orElseThrow(
                    () -> new InvalidInputException("Successeur inconnu dans l'annuaire du programme : " + successor));
        if (ledger.departed(successor)) {
            throw new InvalidInputException("Le successeur " + successor + " est lui-même désactivé.");
        }
        if (next.getRole() != person.getRole()) {
            throw new InvalidInputException(
                    "Le successeur doit avoir le même rôle (" + person.getRole().holder() + ").");
        }
        if (person.getOrganisation() != null && (next.getOrganisation() == null
                || !next.getOrganisation().getCode().equals(person.getOrganisation().getCode()))) {
            // A contact speaks for their organisation (its group is offered the
            // partnership's tasks): another
            // organisation's contact would answer in its name.
            throw new InvalidInputException("Le successeur doit être un contact de la même organisation ("
                    + person.getOrganisation().getName() + ").");
        }
        Set<String> theirs = next.getTerritories().stream().map(Territory::getCode).collect(Collectors.toSet());
        Set<String> needed = person.getTerritories().stream().map(Territory::getCode).collect(Collectors.toSet());
        places.binomes(person.getUserId()).forEach(binome -> needed.add(binome.territoryCode()));
        places.partnerships(person.getUserId()).forEach(partnership -> needed.add(partnership.territoryCode()));
        needed.removeAll(theirs);
        if (person.getRole().territorial() && !needed.isEmpty()) {
            throw new InvalidInputException("Le successeur " + successor + " n'appartient pas au(x) territoire(s) : "
                    + String.join(", ", needed.stream().sorted().toList()));
        }
    }

    /**
     * Every open task the person is assigned to, owns or is a named candidate for goes to
     * the successor, or back to its candidate groups; a task left with nobody to offer it
     * to goes to the programme team. The new candidates are told.
     */
    private List<String> handBackTasks(String userId, String successor) {
        List<String> moved = new ArrayList<>();
        Map<String, Task> involved = new LinkedHashMap<>();
        tasks.createTaskQuery()
            .taskInvolvedUser(userId)
            .orderByTaskCreateTime()
            .asc()
            .list()
            .forEach(task -> involved.put(task.getId(), task));
        for (Task task : involved.values()) {
            if (userId.equals(task.getAssignee())) {
                tasks.setAssignee(task.getId(), successor);
            }
            if (userId.equals(task.getOwner())) {
                tasks.setOwner(task.getId(), successor);
            }
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && userId.equals(link.getUserId())) {
                    tasks.deleteCandidateUser(task.getId(), userId);
                    if (successor != null) {
                        tasks.addCandidateUser(task.getId(), successor);
                    }
                }
            }
            boolean offered = successor != null || tasks.getIdentityLinksForTask(task.getId())
                .stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()));
            if (!offered) {
                tasks.addCandidateGroup(task.getId(), Role.PROGRAMME_TEAM.groupId());
            }
            notices.taskHandedBack(task, userId);
            moved.add(task.getName() + " (" + task.getId() + ")");
        }
        return moved;
    }

    private static String describe(Outcome outcome, String reason) {
        List<String> parts = new ArrayList<>();
        if (reason != null && !reason.isBlank()) {
            parts.add("Motif : " + reason);
        }
        if (outcome.successor() != null) {
            parts.add("Successeur : " + outcome.successor());
        }
        parts.add(outcome.tasksHandedBack().size() + " tâche(s) réattribuée(s)");
        if (!outcome.groupsLeft().isEmpty()) {
            parts.add("Groupes quittés : " + String.join(", ", outcome.groupsLeft()));
        }
        if (!outcome.binomesFlagged().isEmpty()) {
            parts.add("Binômes : " + String.join(", ", outcome.binomesFlagged()));
        }
        if (!outcome.partnershipsHandedOver().isEmpty()) {
            parts.add("Partenariats : " + String.join(", ", outcome.partnershipsHandedOver()));
        }
        return String.join(" ; ", parts);
    }

}
