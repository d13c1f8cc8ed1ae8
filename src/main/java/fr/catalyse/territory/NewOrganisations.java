package fr.catalyse.territory;

import fr.catalyse.access.AccessDirectory;
import fr.catalyse.access.Role;
import fr.catalyse.platform.InvalidInputException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations a catalyst brings into the directory while mapping a partnership's
 * stakeholders: each gets a code of its own and its group, and its contact, if given, an
 * account and the same welcome as an imported participant. The contact of a local
 * authority, a funder or a State service is not opened here: those accounts carry
 * decisions (validating the shared stakes, funding, signing for the territory), which the
 * catalyst's work is checked by, so the programme team opens them and chooses their role.
 */
@NamedInterface("directory")
@Service
public class NewOrganisations {

    private static final int MAX_CODE = 63;

    private static final int MAX_USER_ID = 63;

    private final TerritoryRepository territories;

    private final OrganisationRepository organisations;

    private final ParticipantRepository participants;

    private final Directory directory;

    private final ParticipantOnboarding onboarding;

    private final AccessDirectory access;

    NewOrganisations(TerritoryRepository territories, OrganisationRepository organisations,
            ParticipantRepository participants, Directory directory, ParticipantOnboarding onboarding,
            AccessDirectory access) {
        this.territories = territories;
        this.organisations = organisations;
        this.participants = participants;
        this.directory = directory;
        this.onboarding = onboarding;
        this.access = access;
    }

    /**
     * One organisation as entered; the contact's three fields are all given or all blank.
     */
    @NamedInterface("directory")
    public record Entry(String name, String kind, String contactFirstName, String contactLastName,
            String contactEmail) {

        boolean hasContact() {
            return !blank(contactFirstName) || !blank(contactLastName) || !blank(contactEmail);
        }
    }

    /**
     * @param list how the person who entered them calls the list, to name its lines in
     * French
     * @return the codes of the new organisations, in the order entered
     * @throws InvalidInputException naming the line of every problem; nothing is
     * registered then
     */
    @Transactional
    public List<String> add(String territoryCode, List<Entry> entries, String list) {
        Territory territory = territories.findByCode(territoryCode)
            .orElseThrow(() -> new IllegalArgumentException("Territoire inconnu : " + territoryCode));
        List<String> problems = problems(territory, entries, list);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join(" ", problems));
        }
        List<String> codes = new ArrayList<>();
        List<DirectoryEntry> contacts = new ArrayList<>();
        Set<String> userIds = new HashSet<>();
        for (Entry entry : entries) {
            OrganisationKind kind = OrganisationKind.parse(entry.kind()).orElseThrow();
            String code = unique(codeBase(entry.name(), territoryCode), MAX_CODE,
                    candidate -> organisations.findByCode(candidate).isPresent() || codes.contains(candidate));
            codes.add(code);
            if (!entry.hasContact()) {
                directory.registerOrganisation(territoryCode, code, entry.name().trim(), kind);
            }
            else {
                // Registering the contact registers its organisation and group too. Not
                // both: within one engine command,
                // a group created a moment ago is not yet visible to the query that
                // checks whether it exists.
                String userId = unique(userIdBase(entry), MAX_USER_ID, candidate -> userIds.contains(candidate)
                        || access.accountExists(candidate) || participants.findByUserId(candidate).isPresent());
                userIds.add(userId);
                contacts.add(new DirectoryEntry(territoryCode, territory.getName(), code, entry.name().trim(), kind,
                        userId, entry.contactFirstName().trim(), entry.contactLastName().trim(),
                        entry.contactEmail().trim(), contactRole(kind).orElseThrow(), codes.size()));
            }
        }
        onboarding.registerAndWelcome(contacts);
        return codes;
    }

    private List<String> problems(Territory territory, List<Entry> entries, String list) {
        Map<String, String> registered = new HashMap<>();
        organisations.findByTerritoryOrderByName(territory)
            .forEach(organisation -> registered.put(comparable(organisation.getName()), organisation.getName()));
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> emails = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            int line = i + 1;
            List<String> wrong = new ArrayList<>();
            if (blank(entry.name())) {
                wrong.add("le nom de l'organisation est obligatoire");
            }
            else {
                String name = comparable(entry.name());
                if (entry.name().trim().length() > 200) {
                    wrong.add("le nom de l'organisation dépasse 200 caractères");
                }
                else if (registered.containsKey(name)) {
                    wrong.add("« " + registered.get(name)
                            + " » est déjà inscrite dans le territoire : cochez-la parmi les "
                            + "organisations à associer");
                }
                else if (names.containsKey(name)) {
                    wrong.add("« " + entry.name().trim() + " » figure déjà à la ligne " + names.get(name));
                }
                names.putIfAbsent(name, line);
            }
            Optional<OrganisationKind> kind = OrganisationKind.parse(entry.kind());
            if (kind.isEmpty()) {
                wrong.add(blank(entry.kind()) ? "le type d'organisation est obligatoire"
                        : "le type d'organisation « " + entry.kind() + " » est inconnu");
            }
            if (entry.hasContact()) {
                if (kind.isPresent() && contactRole(kind.get()).isEmpty()) {
                    wrong.add(
                            "le compte du contact d'une collectivité, d'un financeur ou d'un service de l'État est ouvert par "
                                    + "l'équipe programme, qui choisit son rôle : ajoutez l'organisation sans contact");
                }
                else if (blank(entry.contactFirstName()) || blank(entry.contactLastName())
                        || blank(entry.contactEmail())) {
                    wrong.add(
                            "pour ouvrir un compte au contact, donnez son prénom, son nom et son e-mail (ou laissez les trois vides)");
                }
                else {
                    String email = entry.contactEmail().trim();
                    String key = email.toLowerCase(Locale.ROOT);
                    if (!DirectoryCsv.validEmail(email)) {
                        wrong.add("l'adresse e-mail « " + email + " » est invalide");
                    }
                    else if (emails.containsKey(key)) {
                        wrong.add("l'adresse e-mail « " + email + " » figure déjà à la ligne " + emails.get(key));
                    }
                    else if (participants.findFirstByEmailIgnoreCase(email).isPresent()) {
                        wrong.add("l'adresse e-mail « " + email
                                + " » est déjà celle d'un compte Catalyse : l'équipe programme peut "
                                + "rattacher cette personne à l'organisation");
                    }
                    emails.putIfAbsent(key, line);
                }
            }
            if (!wrong.isEmpty()) {
                problems.add(list + ", ligne " + line + " : " + String.join(" ; ", wrong) + ".");
            }
        }
        return problems;
    }

    /**
     * The role of a contact opened here: one that acts for its own organisation only.
     * Local authorities, funders and State services have none (see the class comment).
     */
    static Optional<Role> contactRole(OrganisationKind kind) {
        return switch (kind) {
            case ASSOCIATION, FONDATION, AUTRE -> Optional.of(Role.ASSOCIATION);
            case ENTREPRISE -> Optional.of(Role.COMPANY);
            case UNIVERSITE -> Optional.of(Role.UNIVERSITY);
            case COLLECTIVITE, FINANCEUR, ETAT -> Optional.empty();
        };
    }

    /**
     * The name as a code, followed by the territory's code so that two territories' «
     * Mairie » stay apart.
     */
    private static String codeBase(String name, String territoryCode) {
        String territory = territoryCode.length() <= 24 ? "-" + territoryCode : "";
        String base = slug(name);
        base = base.substring(0, Math.min(base.length(), MAX_CODE - territory.length() - 4)).replaceAll("-+$", "");
        return (base.isEmpty() ? "organisation" : base) + territory;
    }

    /** « prénom.nom », as the programme team writes identifiers in its files. */
    private static String userIdBase(Entry entry) {
        String base = String.join(".",
                Stream.of(slug(entry.contactFirstName()), slug(entry.contactLastName()))
                    .filter(part -> !part.isEmpty())
                    .toList());
        return base.isEmpty() ? "contact" : base;
    }

    /** The base itself, else the base followed by -2, -3…, whichever is free first. */
    private static String unique(String base, int maxLength, Predicate<String> taken) {
        String trimmed = base.substring(0, Math.min(base.length(), maxLength - 4));
        if (!taken.test(trimmed)) {
            return trimmed;
        }
        for (int number = 2;; number++) {
            String candidate = trimmed + "-" + number;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    /**
     * Lower-case letters and digits joined by dashes: « Vélo pour Tous ! » → «
     * velo-pour-tous ».
     */
    static String slug(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replace("œ", "oe")
            .replace("æ", "ae");
        return plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** Names compared as a person reads them: case, accents and spacing aside. */
    private static String comparable(String name) {
        return Normalizer.normalize(name.trim(), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("\\s+", " ");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

}
