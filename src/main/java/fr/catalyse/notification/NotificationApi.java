package fr.catalyse.notification;

import com.fasterxml.jackson.databind.JsonNode;
import fr.catalyse.access.Caller;
import fr.catalyse.access.Role;
import fr.catalyse.platform.Deadlines;
import fr.catalyse.platform.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notification preferences (each person their own, the programme team anyone's) and the record of
 * every email, which the programme team filters by territory, date, status and recipient.
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
  Map<String, Object> mine() {
    String userId = caller.userId();
    return shown(userId, caller.asSystem(() -> preferences.of(userId)));
  }

  @PutMapping("/api/preferences")
  Map<String, Object> chooseMine(@RequestBody(required = false) JsonNode choices) {
    String userId = caller.userId();
    return shown(userId, caller.asSystem(() -> preferences.choose(userId, parse(choices))));
  }

  @GetMapping("/api/preferences/{userId}")
  Map<String, Object> of(@PathVariable String userId) {
    caller.requireRole(Role.PROGRAMME_TEAM);
    return shown(userId, caller.asSystem(() -> preferences.of(userId)));
  }

  @PutMapping("/api/preferences/{userId}")
  Map<String, Object> choose(@PathVariable String userId, @RequestBody(required = false) JsonNode choices) {
    caller.requireRole(Role.PROGRAMME_TEAM);
    return shown(userId, caller.asSystem(() -> preferences.choose(userId, parse(choices))));
  }

  /** GET /api/notifications?territoire=nantes&depuis=2027-01-01&jusqua=2027-02-01&statut=FAILED&destinataire=claire.martin */
  @GetMapping("/api/notifications")
  List<Map<String, Object>> notifications(@RequestParam(name = "territoire", required = false) String territory,
      @RequestParam(name = "depuis", required = false) String since, @RequestParam(name = "jusqua", required = false) String until,
      @RequestParam(name = "statut", required = false) String status,
      @RequestParam(name = "destinataire", required = false) String recipient) {
    caller.requireRole(Role.PROGRAMME_TEAM);
    NotificationStatus wanted = status == null ? null : enumValue(NotificationStatus.class, status, "statut");
    return records.search(territory, day(since, "depuis"), day(until, "jusqua"), wanted, recipient,
        PageRequest.of(0, MAX_RECORDS)).stream().map(NotificationApi::shown).toList();
  }

  static Map<String, Object> shown(NotificationRecord record) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("date", record.getCreatedAt().toString());
    shown.put("type", record.getKind().name());
    shown.put("statut", record.getStatus().name());
    shown.put("destinataire", record.getRecipientUser());
    shown.put("email", record.getRecipientEmail());
    shown.put("objet", record.getSubject());
    shown.put("territoire", record.getTerritory());
    shown.put("processus", record.getProcessInstanceId());
    shown.put("tache", record.getTaskId());
    shown.put("tentatives", record.getAttempts());
    shown.put("envoye", record.getSentAt() == null ? null : record.getSentAt().toString());
    shown.put("erreur", record.getLastError());
    return shown;
  }

  private static Map<String, Object> shown(String userId, Map<PreferenceKind, DeliveryMode> modes) {
    Map<String, Object> kinds = new LinkedHashMap<>();
    modes.forEach((kind, mode) -> kinds.put(kind.name(), Map.of("libelle", kind.label(), "mode", mode.name(),
        "mode_libelle", mode.label())));
    return Map.of("utilisateur", userId, "preferences", kinds);
  }

  /**
   * The choices sent, e.g. {@code {"RAPPELS": "DIGEST"}}: one known kind per field, a mode as text for each.
   * Every problem is named, by field, and nothing is changed when there is one.
   */
  static Map<PreferenceKind, DeliveryMode> parse(JsonNode choices) {
    if (choices == null || !choices.isObject()) {
      throw new InvalidInputException("Préférences refusées : un objet JSON est attendu, un type de message par champ, "
          + "par exemple {\"RAPPELS\": \"DIGEST\"}.");
    }
    Map<PreferenceKind, DeliveryMode> parsed = new EnumMap<>(PreferenceKind.class);
    List<String> problems = new ArrayList<>();
    choices.fields().forEachRemaining(field -> {
      PreferenceKind kind = known(PreferenceKind.class, field.getKey());
      DeliveryMode mode = field.getValue().isTextual() ? known(DeliveryMode.class, field.getValue().asText()) : null;
      if (kind == null) {
        problems.add("« " + field.getKey() + " » n'est pas un type de message connu (" + names(PreferenceKind.class) + ")");
      } else if (field.getValue().isNull()) {
        problems.add("« " + field.getKey() + " » : mode manquant (" + names(DeliveryMode.class) + ")");
      } else if (!field.getValue().isTextual()) {
        problems.add("« " + field.getKey() + " » : le mode s'écrit en texte (" + names(DeliveryMode.class) + ")");
      } else if (mode == null) {
        problems.add("« " + field.getKey() + " » : « " + field.getValue().asText() + " » n'est pas un mode connu ("
            + names(DeliveryMode.class) + ")");
      } else {
        parsed.put(kind, mode);
      }
    });
    if (!problems.isEmpty()) {
      throw new InvalidInputException("Préférences refusées, rien n'a été modifié : " + String.join(" ; ", problems) + ".");
    }
    return parsed;
  }

  private static <E extends Enum<E>> E known(Class<E> type, String value) {
    return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equalsIgnoreCase(value.trim()))
        .findFirst().orElse(null);
  }

  private static String names(Class<? extends Enum<?>> type) {
    return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String what) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase());
    } catch (IllegalArgumentException unknown) {
      throw new InvalidInputException("« " + value + " » n'est pas un " + what + " connu (" + names(type) + ").");
    }
  }

  private static Instant day(String value, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value).atStartOfDay(Deadlines.ZONE).toInstant();
    } catch (DateTimeParseException invalid) {
      throw new InvalidInputException("« " + what + " » doit être une date au format AAAA-MM-JJ.");
    }
  }
}
