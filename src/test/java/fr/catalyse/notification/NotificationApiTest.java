package fr.catalyse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.catalyse.ApiSlice;
import fr.catalyse.access.AccessDirectory;
import fr.catalyse.access.Role;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The notification API as a web slice: the controller with the real preferences service,
 * role check, same-origin filter and French errors; the database (repositories) and the
 * engine's identity are the boundaries. The integration tests drive the same calls over
 * HTTP on PostgreSQL.
 */
@WebMvcTest(NotificationApi.class)
@Import({ ApiSlice.Scan.class, Preferences.class })
class NotificationApiTest extends ApiSlice {

    private static final String READER = "cat.alpha";

    @Autowired
    MockMvc http;

    @MockitoBean
    NotificationPreferenceRepository stored;

    @MockitoBean
    NotificationRecordRepository records;

    @MockitoBean
    AccessDirectory directory;

    /** The preference table, as the repository would keep it. */
    private final Map<NotificationPreference.Key, NotificationPreference> rows = new HashMap<>();

    @BeforeEach
    void aTableOfPreferences() {
        when(stored.findById(any()))
            .thenAnswer(call -> Optional.ofNullable(rows.get(call.<NotificationPreference.Key>getArgument(0))));
        when(stored.save(any())).thenAnswer(call -> {
            NotificationPreference row = call.getArgument(0);
            rows.put(new NotificationPreference.Key(row.userId(), row.getKind()), row);
            return row;
        });
        when(directory.isMember("prog.test", Role.PROGRAMME_TEAM.groupId())).thenReturn(true);
    }

    @Test
    void aParticipantReadsTheirPreferencesEveryKindWithItsFrenchLabelImmediateByDefault() throws Exception {
        signedIn(READER, "alpha", Role.CATALYST);

        http.perform(get("/api/preferences"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.utilisateur").value(READER))
            .andExpect(jsonPath("$.preferences.RAPPELS.libelle").value("Rappels avant échéance et retards"))
            .andExpect(jsonPath("$.preferences.RAPPELS.mode").value("IMMEDIATE"))
            .andExpect(jsonPath("$.preferences.RAPPELS.mode_libelle").value("Immédiatement"))
            .andExpect(jsonPath("$.preferences.ATTRIBUTIONS.mode").value("IMMEDIATE"))
            .andExpect(jsonPath("$.preferences.ESCALADES.mode").value("IMMEDIATE"));
    }

    @Test
    void aParticipantMayChooseTheDigestForTheirRemindersWrittenInAnyCase() throws Exception {
        signedIn(READER, "alpha", Role.CATALYST);

        http.perform(
                put("/api/preferences").contentType(MediaType.APPLICATION_JSON).content("{\"rappels\": \" digest \"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.preferences.RAPPELS.mode").value("DIGEST"))
            .andExpect(jsonPath("$.preferences.RAPPELS.mode_libelle").value("Dans le récapitulatif hebdomadaire"))
            .andExpect(jsonPath("$.preferences.ATTRIBUTIONS.mode").value("IMMEDIATE"));
        assertThat(rows.get(new NotificationPreference.Key(READER, PreferenceKind.RAPPELS)).getMode())
            .isEqualTo(DeliveryMode.DIGEST);
    }

    @Test
    void wrongPreferencesAreRefusedFieldByFieldInFrenchAndNothingIsChanged() throws Exception {
        signedIn(READER, "alpha", Role.CATALYST);

        http.perform(put("/api/preferences").contentType(MediaType.APPLICATION_JSON)
            .content("{\"RAPPELS\": \"PARFOIS\", \"SMS\": \"NONE\", \"ATTRIBUTIONS\": 3, \"ESCALADES\": null}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("InvalidInputException"))
            .andExpect(jsonPath("$.message").value("Préférences refusées, rien n'a été modifié : "
                    + "« RAPPELS » : « PARFOIS » n'est pas un mode connu (IMMEDIATE, DIGEST, NONE) ; "
                    + "« SMS » n'est pas un type de message connu (RAPPELS, ATTRIBUTIONS, ESCALADES) ; "
                    + "« ATTRIBUTIONS » : le mode s'écrit en texte (IMMEDIATE, DIGEST, NONE) ; "
                    + "« ESCALADES » : mode manquant (IMMEDIATE, DIGEST, NONE)."));
        http.perform(put("/api/preferences").contentType(MediaType.APPLICATION_JSON).content("[\"DIGEST\"]"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message")
                .value("Préférences refusées : un objet JSON est attendu, un type de message par "
                        + "champ, par exemple {\"RAPPELS\": \"DIGEST\"}."));
        verify(stored, never()).save(any());
    }

    @Test
    void theProgrammeTeamMayChangeAParticipantsPreferencesAndTheParticipantMayNotChangeAnothers() throws Exception {
        signedIn(READER, "alpha", Role.CATALYST);
        http.perform(put("/api/preferences/cat2.alpha").contentType(MediaType.APPLICATION_JSON)
            .content("{\"RAPPELS\": \"NONE\"}"))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.message").value("Accès réservé : Équipe programme"));
        verify(stored, never()).save(any());

        signedIn("prog.test", null, Role.PROGRAMME_TEAM);
        http.perform(put("/api/preferences/cat2.alpha").contentType(MediaType.APPLICATION_JSON)
            .content("{\"RAPPELS\": \"NONE\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.utilisateur").value("cat2.alpha"))
            .andExpect(jsonPath("$.preferences.RAPPELS.mode").value("NONE"));
    }

    @Test
    void theProgrammeTeamCannotSilenceItsOwnEscalations() throws Exception {
        signedIn("prog.test", null, Role.PROGRAMME_TEAM);

        http.perform(
                put("/api/preferences").contentType(MediaType.APPLICATION_JSON).content("{\"ESCALADES\": \"NONE\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message")
                .value("L'équipe programme reçoit toujours immédiatement les retards signalés : "
                        + "« Retards signalés dans vos démarches » ne peut pas être différé ni désactivé."));
    }

    @Test
    void aWriteSentFromAnotherSiteIsRefusedBeforeItReachesThePreferences() throws Exception {
        signedIn(READER, "alpha", Role.CATALYST);

        http.perform(put("/api/preferences").header("Origin", "https://ailleurs.example")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"RAPPELS\": \"NONE\"}"))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.type").value("ForbiddenOriginException"));
        http.perform(put("/api/preferences").header("Origin", "https://catalyse.test")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"RAPPELS\": \"NONE\"}")).andExpect(status().isOk());
        assertThat(rows).containsOnlyKeys(new NotificationPreference.Key(READER, PreferenceKind.RAPPELS));
    }

    @Test
    void theProgrammeTeamBrowsesTheRecordByDayStatusAndRecipient() throws Exception {
        signedIn("prog.test", null, Role.PROGRAMME_TEAM);
        NotificationRecord failed = new NotificationRecord(new Email("k1", NotificationKind.REMINDER,
                PreferenceKind.RAPPELS, new Recipient(READER, "cat.alpha@alpha.test", "Alice Alpha"),
                "Rappel : « Déposer le livrable »", new Email.Rendered("<p>…</p>", "…"),
                "https://catalyse.test/camunda/app/tasklist/default/#/?task=t1", List.of(), "alpha", "p1", "t1"),
                Instant.parse("2027-01-15T08:30:00Z"));
        failed.failed(NotificationStatus.FAILED, "Serveur de messagerie injoignable");
        when(records.search(eq("alpha"), eq(Instant.parse("2026-12-31T23:00:00Z")),
                eq(Instant.parse("2027-01-31T23:00:00Z")), eq(NotificationStatus.FAILED), isNull(),
                any(Pageable.class)))
            .thenReturn(List.of(failed));

        http.perform(get("/api/notifications?territoire=alpha&depuis=2027-01-01&jusqua=2027-02-01&statut=failed"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.length()").value(1))
            .andExpect(jsonPath("$[0].date").value("2027-01-15T08:30:00Z"))
            .andExpect(jsonPath("$[0].type").value("REMINDER"))
            .andExpect(jsonPath("$[0].statut").value("FAILED"))
            .andExpect(jsonPath("$[0].destinataire").value(READER))
            .andExpect(jsonPath("$[0].email").value("cat.alpha@alpha.test"))
            .andExpect(jsonPath("$[0].objet").value("Rappel : « Déposer le livrable »"))
            .andExpect(jsonPath("$[0].territoire").value("alpha"))
            .andExpect(jsonPath("$[0].processus").value("p1"))
            .andExpect(jsonPath("$[0].tache").value("t1"))
            .andExpect(jsonPath("$[0].tentatives").value(1))
            .andExpect(jsonPath("$[0].envoye").doesNotExist())
            .andExpect(jsonPath("$[0].erreur").value("Serveur de messagerie injoignable"));
    }

    @Test
    void aDayOrAStatusWrittenOtherwiseIsRefusedInFrench() throws Exception {
        signedIn("prog.test", null, Role.PROGRAMME_TEAM);

        http.perform(get("/api/notifications?depuis=hier"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value("« depuis » doit être une date au format AAAA-MM-JJ."));
        http.perform(get("/api/notifications?jusqua=01/02/2027"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value("« jusqua » doit être une date au format AAAA-MM-JJ."));
        http.perform(get("/api/notifications?statut=PERDU"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value(
                    "« PERDU » n'est pas un statut connu (SENT, FAILED, INVALID_ADDRESS, DEFERRED, DIGESTED, SKIPPED, WITHHELD)."));
    }

    @Test
    void onlyTheProgrammeTeamReadsTheRecord() throws Exception {
        signedIn(READER, "alpha", Role.CATALYST);

        http.perform(get("/api/notifications"))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.type").value("FORBIDDEN"))
            .andExpect(jsonPath("$.message").value("Accès réservé : Équipe programme"));
        verify(records, never()).search(any(), any(), any(), any(), any(), any());
    }

}
