package fr.catalyse.pathway;

import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.catalyse.ApiSlice;
import fr.catalyse.access.Role;
import fr.catalyse.platform.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The cohort API as a web slice: the programme team moves or cancels a session. What
 * happens to the session's record and its timer is the session service's work on the
 * database and the engine (a mock here; CohortCalendarIntegrationTest and
 * SessionInvitationsIntegrationTest run it for real).
 */
@WebMvcTest(CohortApi.class)
@Import(ApiSlice.Scan.class)
class CohortApiTest extends ApiSlice {

    @Autowired
    MockMvc http;

    @MockitoBean
    PathwaySessions sessions;

    @Test
    void theProgrammeTeamMovesASessionToAnotherDay() throws Exception {
        signedIn("prog.test", null, Role.PROGRAMME_TEAM);

        http.perform(move("/api/cohortes/7/sessions/S3", "{\"date\": \"2027-03-12\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.session").value("S3"))
            .andExpect(jsonPath("$.date").value("2027-03-12"));
        verify(sessions).reschedule(7L, "S3", LocalDate.of(2027, 3, 12));
    }

    @Test
    void theProgrammeTeamCancelsASession() throws Exception {
        signedIn("prog.test", null, Role.PROGRAMME_TEAM);

        http.perform(post("/api/cohortes/7/sessions/W/annulation"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.session").value("W"))
            .andExpect(jsonPath("$.statut").value("annulée"));
        verify(sessions).cancel(7L, "W");
    }

    @Test
    void aDayMissingOrWrittenOtherwiseIsRefusedInFrench() throws Exception {
        signedIn("prog.test", null, Role.PROGRAMME_TEAM);

        for (String body : new String[] { "{\"date\": \"12/03/2027\"}", "{\"date\": \"2027-02-30\"}", "{}",
                "{\"date\": null}", "{\"date\": [2027]}" }) {
            http.perform(move("/api/cohortes/7/sessions/S3", body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("InvalidInputException"))
                .andExpect(jsonPath("$.message").value("« date » doit être une date au format AAAA-MM-JJ."));
        }
        http.perform(move("/api/cohortes/7/sessions/S3", "le 12 mars"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message")
                .value("Requête illisible : le corps envoyé n'est pas un JSON valide ou n'a pas la forme attendue."));
        verifyNoInteractions(sessions);
    }

    @Test
    void anUnknownSessionOrCohortIdIsRefusedInFrench() throws Exception {
        signedIn("prog.test", null, Role.PROGRAMME_TEAM);

        http.perform(move("/api/cohortes/7/sessions/S9", "{\"date\": \"2027-03-12\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value("Session inconnue : S9 (S1, S2, W, S3 ou S4)."));
        http.perform(post("/api/cohortes/sept/sessions/S1/annulation"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value("« cohortId » : « sept » n'est pas une valeur valide."));
        verifyNoInteractions(sessions);
    }

    @Test
    void whatTheSessionServiceRefusesComesBackInFrench() throws Exception {
        signedIn("prog.test", null, Role.PROGRAMME_TEAM);
        doThrow(new InvalidInputException("La session S1 a déjà eu lieu : sa date ne peut plus changer."))
            .when(sessions)
            .reschedule(7L, "S1", LocalDate.of(2027, 3, 12));

        http.perform(move("/api/cohortes/7/sessions/S1", "{\"date\": \"2027-03-12\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value("La session S1 a déjà eu lieu : sa date ne peut plus changer."));
    }

    @Test
    void aCatalystMayNeitherMoveNorCancelASession() throws Exception {
        signedIn("cat.alpha", "alpha", Role.CATALYST);

        http.perform(move("/api/cohortes/7/sessions/S3", "{\"date\": \"2027-03-12\"}"))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.message").value("Accès réservé : Équipe programme"));
        http.perform(post("/api/cohortes/7/sessions/S3/annulation")).andExpect(status().isForbidden());
        verifyNoInteractions(sessions);
    }

    @Test
    void aMoveSentFromAnotherSiteIsRefusedBeforeItReachesTheSessions() throws Exception {
        signedIn("prog.test", null, Role.PROGRAMME_TEAM);

        http.perform(move("/api/cohortes/7/sessions/S3", "{\"date\": \"2027-03-12\"}").header("Origin",
                "https://ailleurs.example"))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.type").value("ForbiddenOriginException"));
        verifyNoInteractions(sessions);
    }

    private static MockHttpServletRequestBuilder move(String path, String body) {
        return put(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

}
