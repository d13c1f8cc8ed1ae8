package fr.catalyse.people;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.catalyse.territory.ParticipantRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The access and portability export (GDPR articles 15 and 20): everything every
 * {@link PersonalData} holds about one person, as a ZIP of JSON files, with a CSV beside
 * each table of plain values. Each export is recorded.
 */
@Service
class PersonalDataExport {

    static final String EXPORT = "EXPORT";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT);

    private final List<PersonalData> sources;

    private final ParticipantRepository participants;

    private final IdentityService identity;

    private final PeopleLedger ledger;

    PersonalDataExport(List<PersonalData> sources, ParticipantRepository participants, IdentityService identity,
            PeopleLedger ledger) {
        this.sources = sources;
        this.participants = participants;
        this.identity = identity;
        this.ledger = ledger;
    }

    /**
     * The person as the directory (or, for an account outside it, the engine) knows them.
     */
    PersonalData.Person person(String userId) {
        return participants.findByUserId(userId)
            .map(participant -> new PersonalData.Person(userId, participant.getFirstName(), participant.getLastName(),
                    participant.getEmail()))
            .or(() -> java.util.Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult())
                .map((User user) -> new PersonalData.Person(userId, user.getFirstName(), user.getLastName(),
                        user.getEmail())))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Personne inconnue : " + userId));
    }

    @Transactional
    byte[] export(String userId, String actor) {
        PersonalData.Person person = person(userId);
        // Recorded first, so that the export lists itself in the person's record of
        // operations.
        ledger.log(EXPORT, userId, actor,
                actor.equals(userId) ? "Export demandé par la personne" : "Export demandé par " + actor);
        List<PersonalData.Section> sections = new ArrayList<>();
        sources.forEach(source -> sections.addAll(source.export(person)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("LISEZMOI.txt"));
            zip.write(readme(person, sections).getBytes(StandardCharsets.UTF_8));
            for (PersonalData.Section section : sections) {
                zip.putNextEntry(new ZipEntry(section.name() + ".json"));
                zip.write(JSON.writeValueAsBytes(section.rows()));
                if (plain(section.rows())) {
                    zip.putNextEntry(new ZipEntry(section.name() + ".csv"));
                    zip.write(csv(section.rows()).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static String readme(PersonalData.Person person, List<PersonalData.Section> sections) {
        StringBuilder text = new StringBuilder(
                "Données personnelles enregistrées par Catalyse pour " + person.userId() + "\n\n");
        text.append(
                "Chaque fichier .json contient une table ; un fichier .csv (séparateur « ; ») l'accompagne quand ses valeurs ")
            .append("sont simples. Le registre des traitements (docs/personal-data.md) dit pourquoi et combien de temps elles sont gardées.\n\n");
        sections.forEach(section -> text.append("- ")
            .append(section.name())
            .append(" : ")
            .append(section.rows().size())
            .append(" ligne(s)\n"));
        return text.toString();
    }

    private static boolean plain(List<Map<String, Object>> rows) {
        return !rows.isEmpty() && rows.stream()
            .flatMap(row -> row.values().stream())
            .allMatch(value -> value == null || value instanceof CharSequence || value instanceof Number
                    || value instanceof Boolean || value instanceof Date || value instanceof TemporalAccessor
                    || value instanceof Enum<?>);
    }

    private static String csv(List<Map<String, Object>> rows) throws IOException {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.keySet()));
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out,
                CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader(columns.toArray(String[]::new)).get())) {
            for (Map<String, Object> row : rows) {
                List<Object> values = new ArrayList<>();
                columns.forEach(column -> values.add(text(row.get(column))));
                printer.printRecord(values);
            }
        }
        return out.toString();
    }

    private static Object text(Object value) {
        return value instanceof Date date ? date.toInstant().toString() : value;
    }

}
