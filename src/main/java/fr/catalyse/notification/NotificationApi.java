package fr.catalyse.notification;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import fr.catalyse.access.Caller;
import fr.catalyse.access.Role;
import fr.catalyse.platform.Deadlines;
import fr.catalyse.platform.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notification preferences (each person their own, the programme team anyone's) and the
 * record of every email, which the programme team filters by territory, date, status and
 * recipient.
 */
@RestController
class NotificationApi {

    static final int MAX_RECORDS = 500;

    private final Caller caller;

    private final Preferences preferences;

    private final NotificationRecordRepository records;

    NotificationApi(Caller caller, Preferences preferences, NotificationRecordRepository records) {
        this.caller = caller;
        this.preferences = preferences;
        this.records = records;
    }

    @GetMapping("/api/preferences")
    PreferencesView mine() {
        String userId = caller.userId();
        return PreferencesView.of(userId, caller.asSystem(() -> preferences.of(userId)));
    }

    /**
     * The body stays a JSON tree, not a typed map: every wrong field is named in French,
     * all at once ({@link #parse}), where a binding to
     * {@code Map<PreferenceKind, DeliveryMode>} would stop at the first with Jackson's
     * English.
     */
    @PutMapping("/api/preferences")
    PreferencesView chooseMine(@RequestBody(required = false) JsonNode choices) {
        String userId = caller.userId();
        return PreferencesView.of(userId, caller.asSystem(() -> preferences.choose(userId, parse(choices))));
    }

    @GetMapping("/api/preferences/{userId}")
    PreferencesView of(@PathVariable String userId) {
        caller.requireRole(Role.PROGRAMME_TEAM);
        return PreferencesView.of(userId, caller.asSystem(() -> preferences.of(userId)));
    }

    @PutMapping("/api/preferences/{userId}")
    PreferencesView choose(@PathVariable String userId, @RequestBody(required = false) JsonNode choices) {
        caller.requireRole(Role.PROGRAMME_TEAM);
        return PreferencesView.of(userId, caller.asSystem(() -> preferences.choose(userId, parse(choices))));
    }

    /**
     * GET
     * /api/notifications?territoire=nantes&depuis=2027-01-01&jusqua=2027-02-01&statut=FAILED&destinataire=claire.martin
     */
    @GetMapping("/api/notifications")
    List<NotificationView> notifications(@RequestParam(name = "territoire", required = false) String territory,
            @RequestParam(name = "depuis",
                    required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
            @RequestParam(name = "jusqua",
                    required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
            @RequestParam(name = "statut", required = false) NotificationStatus status,
            @RequestParam(name = "destinataire", required = false) String recipient) {
        caller.requireRole(Role.PROGRAMME_TEAM);
        return records
            .search(territory, startOf(since), startOf(until), status, recipient, PageRequest.of(0, MAX_RECORDS))
            .stream()
            .map(NotificationView::of)
            .toList();
    }

    /**
     * One person's choices: per kind of email (its code), its French label and the mode
     * chosen.
     */
    record PreferencesView(@JsonProperty("utilisateur") String userId, Map<String, Choice> preferences) {

        static PreferencesView of(String userId, Map<PreferenceKind, DeliveryMode> modes) {
            Map<String, Choice> kinds = new LinkedHashMap<>();
            modes.forEach((kind, mode) -> kinds.put(kind.name(), new Choice(kind.label(), mode, mode.label())));
            return new PreferencesView(userId, kinds);
        }
    }

    record Choice(@JsonProperty("libelle") String label, DeliveryMode mode,
            @JsonProperty("mode_libelle") String modeLabel) {
    }

    /**
     * One email of the record, as the programme team browses it (the JSON names are the
     * French columns).
     */
    record NotificationView(Instant date, NotificationKind type, NotificationStatus statut, String destinataire,
            String email, String objet, String territoire, String processus, String tache, int tentatives,
            Instant envoye, String erreur) {

        static NotificationView of(NotificationRecord record) {
            return new NotificationView(record.getCreatedAt(), record.getKind(), record.getStatus(),
                    record.getRecipientUser(), record.getRecipientEmail(), record.getSubject(), record.getTerritory(),
                    record.getProcessInstanceId(), record.getTaskId(), record.getAttempts(), record.getSentAt(),
                    record.getLastError());
        }
    }

    /**
     * The choices sent, e.g. {@code {"RAPPELS": "DIGEST"}}: one known kind per field, a
     * mode as text for each. Every problem is named, by field, and nothing is changed
     * when there is one.
     */
    static Map<PreferenceKind, DeliveryMode> parse(JsonNode choices) {
        if (choices == null || !choices.isObject()) {
            throw new InvalidInputException(
                    "Préférences refusées : un objet JSON est attendu, un type de message par champ, "
                            + "par exemple {\"RAPPELS\": \"DIGEST\"}.");
        }
        Map<PreferenceKind, DeliveryMode> parsed = new EnumMap<>(PreferenceKind.class);
        List<String> problems = new ArrayList<>();
        choices.fields().forEachRemaining(field -> {
            PreferenceKind kind = known(PreferenceKind.class, field.getKey());
            DeliveryMode mode = field.getValue().isTextual() ? known(DeliveryMode.class, field.getValue().asText())
                    : null;
            if (kind == null) {
                problems.add("« " + field.getKey() + " » n'est pas un type de message connu ("
                        + names(PreferenceKind.class) + ")");
            }
            else if (field.getValue().isNull()) {
                problems.add("« " + field.getKey() + " » : mode manquant (" + names(DeliveryMode.class) + ")");
            }
            else if (!field.getValue().isTextual()) {
                problems
                    .add("« " + field.getKey() + " » : le mode s'écrit en texte (" + names(DeliveryMode.class) + ")");
            }
            else if (mode == null) {
                problems.add("« " + field.getKey() + " » : « " + field.getValue().asText()
                        + " » n'est pas un mode connu (" + names(DeliveryMode.class) + ")");
            }
            else {
                parsed.put(kind, mode);
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    "Préférences refusées, rien n'a été modifié : " + String.join(" ; ", problems) + ".");
        }
        return parsed;
    }

    private static <E extends Enum<E>> E known(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants())
            .filter(constant -> constant.name().equalsIgnoreCase(value.trim()))
            .findFirst()
            .orElse(null);
    }

    private static String names(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(Deadlines.ZONE).toInstant();
    }

}
