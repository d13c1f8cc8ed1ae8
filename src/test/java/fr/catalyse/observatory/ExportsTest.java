package fr.catalyse.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportsTest {

    private final Table table = new Table("essai", "Essai", List.of("Nom", "Jours", "Échéance", "Note"),
            List.of(Arrays.asList("=1+1 Jardin", 12, LocalDate.of(2027, 3, 9), new BigDecimal("3.5")),
                    Arrays.asList("Jardin; partagé \"bio\"", null, null, null)));

    @Test
    void csvIsUtf8WithByteOrderMarkSemicolonsCrlfFrenchDatesAndDecimalCommas() {
        byte[] csv = Exports.csv(table);
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo("\uFEFFNom;Jours;Échéance;Note\r\n"
                + "'=1+1 Jardin;12;09/03/2027;3,5\r\n" + "\"Jardin; partagé \"\"bio\"\"\";;;\r\n");
    }

    @Test
    void xlsxKeepsNumbersAndDatesAsSuchAndNeutralisesTextCells() throws IOException {
        Map<String, String> cells = XlsxCells.firstSheet(Exports.xlsx(table));
        assertThat(cells).containsEntry("A1", "Nom")
            .containsEntry("C1", "Échéance")
            .containsEntry("A2", "'=1+1 Jardin")
            .containsEntry("B2", "12")
            .containsEntry("D2", "3.5")
            .containsEntry("A3", "Jardin; partagé \"bio\"");
        // A date is a serial day number (days since 1899-12-30) with a date format, not a
        // text.
        assertThat(Double.parseDouble(cells.get("C2")))
            .isEqualTo(LocalDate.of(2027, 3, 9).toEpochDay() - LocalDate.of(1899, 12, 30).toEpochDay());
    }

}
