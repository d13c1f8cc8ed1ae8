package fr.catalyse.notification;

import fr.catalyse.access.AccessDirectory;
import fr.catalyse.access.Role;
import fr.catalyse.platform.EngineClock;
import fr.catalyse.platform.InvalidInputException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's choices: immediately (the default), in the weekly digest, or never, per
 * kind of email. The programme team always hears of late tasks at once: its escalations
 * cannot be switched off.
 */
@NamedInterface("preferences")
@Service
public class Preferences {

    private final NotificationPreferenceRepository preferences;

    private final AccessDirectory access;

    Preferences(NotificationPreferenceRepository preferences, AccessDirectory access) {
        this.preferences = preferences;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public DeliveryMode mode(String userId, PreferenceKind kind) {
        if (kind == PreferenceKind.ESCALADES && isProgrammeTeam(userId)) {
            return DeliveryMode.IMMEDIATE;
        }
        return preferences.findById(new NotificationPreference.Key(userId, kind))
            .map(NotificationPreference::getMode)
            .orElse(DeliveryMode.IMMEDIATE);
    }

    /** Every kind with the person's mode, defaults included. */
    @Transactional(readOnly = true)
    public Map<PreferenceKind, DeliveryMode> of(String userId) {
        Map<PreferenceKind, DeliveryMode> modes = new EnumMap<>(PreferenceKind.class);
        for (PreferenceKind kind : PreferenceKind.values()) {
            modes.put(kind, mode(userId, kind));
        }
        return modes;
    }

    @Transactional
    public Map<PreferenceKind, DeliveryMode> choose(String userId, Map<PreferenceKind, DeliveryMode> choices) {
        if (isProgrammeTeam(userId)
                && choices.getOrDefault(PreferenceKind.ESCALADES, DeliveryMode.IMMEDIATE) != DeliveryMode.IMMEDIATE) {
            throw new InvalidInputException("L'équipe programme reçoit toujours immédiatement les retards signalés : "
                    + "« " + PreferenceKind.ESCALADES.label() + " » ne peut pas être différé ni désactivé.");
        }
        choices.forEach((kind, mode) -> {
            NotificationPreference preference = preferences.findById(new NotificationPreference.Key(userId, kind))
                .orElseGet(() -> new NotificationPreference(userId, kind));
            preference.choose(mode, EngineClock.now());
            preferences.save(preference);
        });
        return of(userId);
    }

    /** People who asked for at least one kind in the weekly digest. */
    @Transactional(readOnly = true)
    public Set<String> digestReaders() {
        return preferences.findByMode(DeliveryMode.DIGEST)
            .stream()
            .map(preference -> preference.userId())
            .collect(Collectors.toSet());
    }

    private boolean isProgrammeTeam(String userId) {
        return access.isMember(userId, Role.PROGRAMME_TEAM.groupId());
    }

}
