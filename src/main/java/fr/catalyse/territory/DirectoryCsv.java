package fr.catalyse.territory;

import fr.catalyse.access.Role;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.modulith.NamedInterface;

/**
 * Reads the participants' directory from a CSV file (semicolon-separated, UTF-8, one
 * header line):
 * {@code territoire;nom_territoire;organisation;nom_organisation;type_organisation;identifiant;prenom;nom;email;role}.
 * The territory may be left empty for the programme team and the steering committee, who
 * see every territory. Every problem is reported with its line number, in French; a file
 * with any problem yields no entry. An optional column {@code statut} marks a person as
 * gone ({@code parti}, {@code partie} or {@code désactivé}): such a line needs only
 * {@code identifiant}, and the import deactivates that person; nobody is ever deleted,
 * and a person missing from a file is left as they are. The file is read as it comes:
 * reading stops at the first line past the limit of lines, or at a line longer than any
 * directory line can be, so a huge upload is never held in memory whole.
 */
@NamedInterface("imports")
public final class DirectoryCsv {

    public static final List<String> COLUMNS = List.of("territoire", "nom_territoire", "organisation",
            "nom_organisation", "type_organisation", "identifiant", "prenom", "nom", "email", "role");

    /** The optional column marking people who left. */
    public static final String STATUS = "statut";

    private static final java.util.Set<String> GONE = java.util.Set.of("parti", "partie", "desactive", "desactivee",
            "depart");

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private static final Pattern USER_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private static final Pattern EMAIL_DOMAIN = Pattern.compile(".+@[^@\\s]+\\.[a-zA-Z]{2,}");

    /**
     * Longer than any line of the directory can be (its ten columns hold about 1,100
     * characters at most): past this, a line is refused without reading further.
     */
    static final int MAX_LINE_LENGTH = 2000;

    /**
     * Entries read from a file, or the reasons it was refused.
     *
     * @param overLimit the file has more participant lines than allowed; reading stopped
     * at the first one past
     */
    @NamedInterface("imports")
    public record Result(List<DirectoryEntry> entries, List<String> errors, boolean overLimit,
            List<String> departures) {

        Result(List<DirectoryEntry> entries, List<String> errors) {
            this(entries, errors, false, List.of());
        }

        Result(List<DirectoryEntry> entries, List<String> errors, boolean overLimit) {
            this(entries, errors, overLimit, List.of());
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private DirectoryCsv() {
    }

    /** Reads a file of any number of lines (the demo's, the tests'). */
    public static Result read(Reader csv) throws IOException {
        return read(csv, Integer.MAX_VALUE);
    }

    /** Reads a file of at most {@code maxLines} participant lines, besides the header. */
    public static Result read(Reader csv, int maxLines) throws IOException {
        List<DirectoryEntry> entries = new ArrayList<>();
        List<String> departures = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder()
            .setDelimiter(';')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setAllowMissingColumnNames(false)
            .get();
        int lines = 0;
        try (var parser = format.parse(new BoundedLines(csv))) {
            List<String> missing = COLUMNS.stream()
                .filter(column -> !parser.getHeaderMap().containsKey(column))
                .toList();
            if (!missing.isEmpty()) {
                return new Result(List.of(), List.of("Ligne 1 : colonnes manquantes : " + String.join(", ", missing)
                        + " (attendu : " + String.join(";", COLUMNS) + ")"));
            }
            Consistency consistency = new Consistency();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (++lines > maxLines) {
                    return new Result(List.of(), List.of("Ligne " + line + " : au-delà de " + maxLines
                            + " lignes de participants, le maximum d'un fichier"), true);
                }
                List<String> problems = new ArrayList<>();
                String status = value(record, STATUS);
                if (!status.isEmpty()) {
                    String gone = java.text.Normalizer.normalize(status, java.text.Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "")
                        .toLowerCase(java.util.Locale.ROOT);
                    String userId = value(record, "identifiant");
                    if (!GONE.contains(gone)) {
                        problems.add("statut « " + status + " » inconnu (laissez-le vide, ou écrivez « parti »)");
                    }
                    else if (!USER_ID.matcher(userId).matches()) {
                        problems.add("identifiant « " + userId + " » invalide (minuscules, chiffres, points, tirets)");
                    }
                    if (problems.isEmpty()) {
                        departures.add(userId);
                    }
                    else {
                        errors.add("Ligne " + line + " : " + String.join(" ; ", problems));
                    }
                    continue;
                }
                Optional<DirectoryEntry> entry = entry(record, line, problems);
                entry.ifPresent(value -> consistency.check(value, problems));
                if (problems.isEmpty()) {
                    entries.add(entry.orElseThrow());
                }
                else {
                    errors.add("Ligne " + line + " : " + String.join(" ; ", problems));
                }
            }
        }
        catch (LineTooLong tooLong) {
            return new Result(List.of(), List.of(tooLong.getMessage()));
        }
        catch (IllegalArgumentException | java.io.UncheckedIOException malformed) {
            if (malformed.getCause() instanceof LineTooLong tooLong) {
                return new Result(List.of(), List.of(tooLong.getMessage()));
            }
            return new Result(List.of(), List.of("Fichier CSV illisible : " + malformed.getMessage()));
        }
        entries.stream()
            .map(DirectoryEntry::userId)
            .filter(departures::contains)
            .distinct()
            .forEach(userId -> errors
                .add("La personne " + userId + " est marquée partie sur une ligne et présente sur une autre"));
        if (entries.isEmpty() && departures.isEmpty() && errors.isEmpty()) {
            errors.add("Le fichier ne contient aucune ligne de participant");
        }
        return errors.isEmpty() ? new Result(entries, List.of(), false, List.copyOf(departures))
                : new Result(List.of(), errors);
    }

    private static Optional<DirectoryEntry> entry(CSVRecord record, long line, List<String> problems) {
        String territory = value(record, "territoire");
        String territoryName = value(record, "nom_territoire");
        String userId = required(record, "identifiant", problems);
        String firstName = required(record, "prenom", problems);
        String lastName = required(record, "nom", problems);
        String email = required(record, "email", problems);
        String roleText = required(record, "role", problems);
        String organisation = value(record, "organisation");
        String organisationName = value(record, "nom_organisation");
        String kindText = value(record, "type_organisation");

        if (!territory.isEmpty() && !CODE.matcher(territory).matches()) {
            problems.add("code de territoire « " + territory + " » invalide (minuscules, chiffres et tirets)");
        }
        if (!userId.isEmpty() && !USER_ID.matcher(userId).matches()) {
            problems.add("identifiant « " + userId + " » invalide (minuscules, chiffres, points, tirets)");
        }
        if (!email.isEmpty() && !validEmail(email)) {
            problems.add("adresse e-mail « " + email + " » invalide");
        }
        Optional<Role> role = Role.parse(roleText);
        if (!roleText.isEmpty() && role.isEmpty()) {
            problems.add("rôle « " + roleText + " » inconnu (catalyseur, collectivite, association, entreprise, "
                    + "universite, financeur, programme, comite)");
        }
        if (role.map(Role::territorial).orElse(false)) {
            if (territory.isEmpty()) {
                problems.add("territoire manquant");
            }
            if (territoryName.isEmpty()) {
                problems.add("nom_territoire manquant");
            }
        }
        OrganisationKind kind = null;
        if (!organisation.isEmpty()) {
            if (!CODE.matcher(organisation).matches()) {
                problems.add("code d'organisation « " + organisation + " » invalide (minuscules, chiffres et tirets)");
            }
            if (organisationName.isEmpty()) {
                problems.add("nom_organisation manquant");
            }
            kind = OrganisationKind.parse(kindText).orElse(null);
            if (kind == null) {
                problems.add("type_organisation « " + kindText + " » inconnu (collectivite, association, fondation, "
                        + "entreprise, universite, financeur, etat, autre)");
            }
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DirectoryEntry(blankToNull(territory), blankToNull(territoryName),
                organisation.isEmpty() ? null : organisation, organisationName.isEmpty() ? null : organisationName,
                kind, userId, firstName, lastName, email, role.orElseThrow(), line));
    }

    private static String required(CSVRecord record, String column, List<String> problems) {
        String value = value(record, column);
        if (value.isEmpty()) {
            problems.add(column + " manquant");
        }
        return value;
    }

    private static String value(CSVRecord record, String column) {
        return record.isSet(column) ? record.get(column).trim() : "";
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    static boolean validEmail(String email) {
        try {
            new InternetAddress(email, true).validate();
            return EMAIL_DOMAIN.matcher(email).matches();
        }
        catch (AddressException invalid) {
            return false;
        }
    }

    /** The same territory, organisation or person must read the same on every line. */
    private static final class Consistency {

        private final Map<String, DirectoryEntry> territories = new HashMap<>();

        private final Map<String, DirectoryEntry> organisations = new HashMap<>();

        private final Map<String, DirectoryEntry> people = new HashMap<>();

        void check(DirectoryEntry entry, List<String> problems) {
            DirectoryEntry territory = entry.hasTerritory() ? territories.putIfAbsent(entry.territoryCode(), entry)
                    : null;
            if (territory != null && !territory.territoryName().equals(entry.territoryName())) {
                problems.add("le territoire " + entry.territoryCode() + " porte un autre nom plus haut (« "
                        + territory.territoryName() + " »)");
            }
            if (entry.hasOrganisation()) {
                DirectoryEntry organisation = organisations.putIfAbsent(entry.organisationCode(), entry);
                if (organisation != null && !(organisation.organisationName().equals(entry.organisationName())
                        && organisation.organisationKind() == entry.organisationKind()
                        && java.util.Objects.equals(organisation.territoryCode(), entry.territoryCode()))) {
                    problems.add("l'organisation " + entry.organisationCode() + " est décrite autrement plus haut");
                }
            }
            DirectoryEntry person = people.putIfAbsent(entry.userId(), entry);
            if (person != null
                    && !(person.firstName().equals(entry.firstName()) && person.lastName().equals(entry.lastName())
                            && person.email().equals(entry.email()) && person.role() == entry.role())) {
                problems
                    .add("la personne " + entry.userId() + " est décrite autrement plus haut (nom, e-mail ou rôle)");
            }
        }

    }

    /**
     * Stops reading at a line longer than {@link #MAX_LINE_LENGTH}, before the parser
     * buffers it whole.
     */
    private static final class BoundedLines extends FilterReader {

        private long line = 1;

        private int length;

        BoundedLines(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int character = super.read();
            if (character != -1) {
                count((char) character);
            }
            return character;
        }

        @Override
        public int read(char[] buffer, int offset, int count) throws IOException {
            int read = super.read(buffer, offset, count);
            for (int index = offset; index < offset + read; index++) {
                count(buffer[index]);
            }
            return read;
        }

        private void count(char character) throws LineTooLong {
            if (character == '\n') {
                line++;
                length = 0;
            }
            else if (++length > MAX_LINE_LENGTH) {
                throw new LineTooLong(
                        "Ligne " + line + " : plus de " + MAX_LINE_LENGTH + " caractères, bien plus qu'une ligne "
                                + "de l'annuaire n'en compte ; le reste du fichier n'a pas été lu");
            }
        }

    }

    private static final class LineTooLong extends IOException {

        LineTooLong(String message) {
            super(message);
        }

    }

}
