package fr.catalyse.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.access.Role;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class DirectoryCsvTest {

    private static final String HEADER = "territoire;nom_territoire;organisation;nom_organisation;type_organisation;identifiant;prenom;nom;email;role\n";

    @Test
    void readsParticipantsWithOrWithoutOrganisation() throws IOException {
        var result = read(HEADER
                + "nantes;Nantes Métropole;ville-nantes;Ville de Nantes;Collectivité;sophie.durand;Sophie;Durand;sophie@nantes.fr;collectivité\n"
                + "nantes;Nantes Métropole;;;;claire.martin;Claire;Martin;claire@nantes.fr;Catalyseur\n"
                + ";;;;;anne.girard;Anne;Girard;anne@rameau.fr;Comité d'orientation\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.entries()).hasSize(3);
        DirectoryEntry mayor = result.entries().get(0);
        assertThat(mayor.organisationKind()).isEqualTo(OrganisationKind.COLLECTIVITE);
        assertThat(mayor.role()).isEqualTo(Role.LOCAL_AUTHORITY);
        assertThat(result.entries().get(1).hasOrganisation()).isFalse();
        assertThat(result.entries().get(2).role()).isEqualTo(Role.STEERING_COMMITTEE);
        assertThat(result.entries().get(2).hasTerritory()).isFalse();
    }

    @Test
    void aPersonMayActForSeveralTerritories() throws IOException {
        var result = read(
                HEADER + "nantes;Nantes Métropole;;;;claire.martin;Claire;Martin;claire@nantes.fr;catalyseur\n"
                        + "redon;Redon Agglomération;;;;claire.martin;Claire;Martin;claire@nantes.fr;catalyseur\n");

        assertThat(result.valid()).isTrue();
        assertThat(result.entries()).extracting(DirectoryEntry::territoryCode).containsExactly("nantes", "redon");
    }

    @Test
    void reportsEveryBadLineWithItsNumberAndKeepsNothing() throws IOException {
        var result = read(HEADER
                + "nantes;Nantes Métropole;;;;claire.martin;Claire;Martin;claire@nantes.fr;catalyseur\n"
                + "nantes;Nantes Métropole;;;;karim;Karim;Benali;karim.nantes.fr;catalyseur\n"
                + "Nantes Sud;Nantes Sud;;;;Paul Roux;;Roux;paul@x.fr;pompier\n"
                + "nantes;Nantes;;;;lea.vidal;Léa;Vidal;lea@figeac.fr;catalyseur\n"
                + "figeac;Grand-Figeac;atelier;Atelier;garage;thomas;Thomas;Lacaze;thomas@figeac.fr;entreprise\n"
                + ";;;;;lucas;Lucas;Petit;lucas@nantes.fr;association\n");

        assertThat(result.entries()).isEmpty();
        assertThat(result.errors()).containsExactly("Ligne 3 : adresse e-mail « karim.nantes.fr » invalide",
                "Ligne 4 : prenom manquant ; code de territoire « Nantes Sud » invalide (minuscules, chiffres et tirets) ; "
                        + "identifiant « Paul Roux » invalide (minuscules, chiffres, points, tirets) ; rôle « pompier » inconnu "
                        + "(catalyseur, collectivite, association, entreprise, universite, financeur, programme, comite)",
                "Ligne 5 : le territoire nantes porte un autre nom plus haut (« Nantes Métropole »)",
                "Ligne 6 : type_organisation « garage » inconnu (collectivite, association, fondation, entreprise, universite, "
                        + "financeur, etat, autre)",
                "Ligne 7 : territoire manquant ; nom_territoire manquant");
    }

    @Test
    void aPersonDescribedTwoWaysIsRefused() throws IOException {
        var result = read(
                HEADER + "nantes;Nantes Métropole;;;;claire.martin;Claire;Martin;claire@nantes.fr;catalyseur\n"
                        + "redon;Redon;;;;claire.martin;Claire;Martin;claire@ailleurs.fr;catalyseur\n");

        assertThat(result.errors()).containsExactly(
                "Ligne 3 : la personne claire.martin est décrite autrement plus haut (nom, e-mail ou rôle)");
    }

    @Test
    void aFileWithoutTheExpectedColumnsIsRefusedAtOnce() throws IOException {
        var result = read("nom;email\nMartin;claire@nantes.fr\n");

        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().get(0)).startsWith("Ligne 1 : colonnes manquantes : territoire, nom_territoire");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        assertThat(read(HEADER).errors()).containsExactly("Le fichier ne contient aucune ligne de participant");
    }

    @Test
    void aFileUpToTheLimitOfLinesIsReadAndOnePastItIsRefusedNamingTheLine() throws IOException {
        String line = "nantes;Nantes Métropole;;;;p%d;Prénom;Nom;p%d@nantes.fr;catalyseur\n";
        String three = HEADER + String.format(line, 1, 1) + String.format(line, 2, 2) + String.format(line, 3, 3);

        assertThat(DirectoryCsv.read(new StringReader(three), 3).entries()).hasSize(3);
        var four = DirectoryCsv.read(new StringReader(three + String.format(line, 4, 4)), 3);
        assertThat(four.overLimit()).isTrue();
        assertThat(four.entries()).isEmpty();
        assertThat(four.errors())
            .containsExactly("Ligne 5 : au-delà de 3 lignes de participants, le maximum d'un fichier");
    }

    @Test
    void readingStopsAtTheFirstLinePastTheLimitHoweverLongTheFileGoesOn() throws IOException {
        // An endless file: the read returns only because it stops at line 5002.
        var result = DirectoryCsv
            .read(new Endless(HEADER, "nantes;Nantes Métropole;;;;p;Paul;Nom;p@nantes.fr;catalyseur\n"), 5000);

        assertThat(result.overLimit()).isTrue();
        assertThat(result.errors())
            .containsExactly("Ligne 5002 : au-delà de 5000 lignes de participants, le maximum d'un fichier");
    }

    @Test
    void readingStopsWithinALineLongerThanAnyDirectoryLine() throws IOException {
        // An endless line: the read returns only because it stops past 2,000 characters.
        var result = DirectoryCsv.read(new Endless(HEADER + "nantes;Nantes Métropole;;;;p;", "A"), 5000);

        assertThat(result.overLimit()).isFalse();
        assertThat(result.errors())
            .containsExactly("Ligne 2 : plus de 2000 caractères, bien plus qu'une ligne de l'annuaire "
                    + "n'en compte ; le reste du fichier n'a pas été lu");
    }

    @Test
    void aLineOfTheLongestValuesTheDirectoryHoldsIsWithinTheLimitOfALine() throws IOException {
        String longest = "t" + "-".repeat(63) + ";" + "T".repeat(200) + ";o" + "-".repeat(63) + ";" + "O".repeat(200)
                + ";association;u" + ".".repeat(63) + ";" + "P".repeat(100) + ";" + "N".repeat(100) + ";"
                + "e".repeat(64) + "@" + "d".repeat(185) + ".fr;association\n";

        var result = read(HEADER + longest);

        assertThat(result.errors()).noneMatch(error -> error.contains("caractères"));
    }

    @Test
    void theDemoDirectoryIsValid() throws IOException {
        try (var csv = new java.io.InputStreamReader(getClass().getResourceAsStream("/demo/participants.csv"),
                java.nio.charset.StandardCharsets.UTF_8)) {
            var result = DirectoryCsv.read(csv);
            assertThat(result.errors()).isEmpty();
            assertThat(result.entries()).extracting(DirectoryEntry::role).contains(Role.values());
        }
    }

    private static DirectoryCsv.Result read(String csv) throws IOException {
        return DirectoryCsv.read(new StringReader(csv));
    }

    /** A file that starts with {@code start}, then repeats {@code repeated} forever. */
    private static final class Endless extends Reader {

        private final String start;

        private final String repeated;

        private long position;

        Endless(String start, String repeated) {
            this.start = start;
            this.repeated = repeated;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            for (int index = 0; index < length; index++, position++) {
                buffer[offset + index] = position < start.length() ? start.charAt((int) position)
                        : repeated.charAt((int) ((position - start.length()) % repeated.length()));
            }
            return length;
        }

        @Override
        public void close() {
        }

    }

}
