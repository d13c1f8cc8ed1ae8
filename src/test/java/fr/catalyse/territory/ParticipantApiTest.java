package fr.catalyse.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.catalyse.ApiSlice;
import fr.catalyse.access.Role;
import java.io.BufferedReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The onboarding API as a web slice: who may import, invite and download the model, and
 * the answers' shape. The import itself (directory, accounts, welcome emails) is the
 * onboarding service's work on the database and the engine, a mock here;
 * ParticipantImportIntegrationTest runs it for real.
 */
@WebMvcTest(ParticipantApi.class)
@Import(ApiSlice.Scan.class)
class ParticipantApiTest extends ApiSlice {

    @Autowired
    MockMvc http;

    @MockitoBean
    ParticipantOnboarding onboarding;

    @Test
    void theProgrammeTeamImportsAFileReadAsAStreamAndSeesWhatChanged() throws Exception {
        signedIn("prog.test", null, Role.PROGRAMME_TEAM);
        String[] read = new String[1];
        when(onboarding.importCsv(any(Reader.class), any())).thenAnswer(call -> {
            read[0] = new BufferedReader(call.<Reader>getArgument(0)).readLine();
            return new ParticipantOnboarding.Report(List.of("nina.martin"), List.of(), List.of(), List.of());
        });

        http.perform(post("/api/participants/import").contentType("text/csv")
            .content("territoire;nom_territoire;identifiant\n".getBytes(StandardCharsets.UTF_8)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.created[0]").value("nina.martin"))
            .andExpect(jsonPath("$.updated").isEmpty());
        assertThat(read[0]).isEqualTo("territoire;nom_territoire;identifiant");
    }

    @Test
    void aRefusedFileListsItsLinesToCorrectInFrench() throws Exception {
        signedIn("prog.test", null, Role.PROGRAMME_TEAM);
        when(onboarding.importCsv(any(Reader.class), any())).thenThrow(new ParticipantOnboarding.DirectoryRejected(
                List.of("Ligne 2 (nina.martin) : adresse e-mail invalide")));

        http.perform(post("/api/participants/import").contentType("text/csv").content("x"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("InvalidInputException"))
            .andExpect(jsonPath("$.message")
                .value("Le fichier n'a pas été importé : 1 ligne(s) à corriger. Rien n'a été modifié."))
            .andExpect(jsonPath("$.erreurs[0]").value("Ligne 2 (nina.martin) : adresse e-mail invalide"));
    }

    @Test
    void theProgrammeTeamSendsAnInvitationAgainAndIsToldItIsQueued() throws Exception {
        signedIn("prog.test", null, Role.PROGRAMME_TEAM);

        http.perform(post("/api/participants/nina.martin/invitation"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.participant").value("nina.martin"))
            .andExpect(jsonPath("$.invitationProgrammee").value(true));
        verify(onboarding).invite("nina.martin");
    }

    @Test
    void theProgrammeTeamDownloadsTheModelOfTheFile() throws Exception {
        signedIn("prog.test", null, Role.PROGRAMME_TEAM);

        String model = http.perform(get("/api/participants/modele"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(model)
            .startsWith("territoire;nom_territoire;organisation;nom_organisation;type_organisation;identifiant;");
    }

    @Test
    void aCatalystMayNeitherImportNorInviteNorDownloadTheModel() throws Exception {
        signedIn("cat.alpha", "alpha", Role.CATALYST);

        http.perform(post("/api/participants/import").contentType("text/csv").content("x"))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.message").value("Accès réservé : Équipe programme"));
        http.perform(post("/api/participants/nina.martin/invitation")).andExpect(status().isForbidden());
        http.perform(get("/api/participants/modele")).andExpect(status().isForbidden());
        verifyNoInteractions(onboarding);
    }

    @Test
    void anImportSentFromAnotherSiteIsRefusedBeforeTheFileIsRead() throws Exception {
        signedIn("prog.test", null, Role.PROGRAMME_TEAM);

        http.perform(post("/api/participants/import").header("Origin", "https://ailleurs.example")
            .contentType("text/plain")
            .content("x"))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.type").value("ForbiddenOriginException"));
        verifyNoInteractions(onboarding);
    }

}
