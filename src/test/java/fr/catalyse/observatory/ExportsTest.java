package fr.catalyse.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

class ExportsTest {

  private final Table table = new Table("essai", "Essai", List.of("Nom", "Jours", "Échéance", "Note"), List.of(
      Arrays.asList("=1+1 Jardin", 12, LocalDate.of(2027, 3, 9), new BigDecimal("3.5")),
      Arrays.asList("Jardin; partagé \"bio\"", null, null, null)));

  @Test
  void csvIsUtf8WithByteOrderMarkSemicolonsCrlfFrenchDatesAndDecimalCommas() {
    byte[] csv = Exports.csv(table);
    assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo("\uFEFFNom;Jours;Échéance;Note\r\n"
        + "'=1+1 Jardin;12;09/03/2027;3,5\r\n"
        + "\"Jardin; partagé \"\"bio\"\"\";;;\r\n");
  }

  @Test
  void xlsxKeepsNumbersAsNumbersAndNeutralisesTextCells() throws IOException {
    Map<String, String> parts = unzip(Exports.xlsx(table));
    assertThat(parts).containsKeys("xl/workbook.xml", "xl/worksheets/sheet1.xml");
    String texts = parts.getOrDefault("xl/sharedStrings.xml", "") + parts.get("xl/worksheets/sheet1.xml");
    assertThat(texts).contains("'=1+1 Jardin", "Échéance").doesNotContain(">=1+1 Jardin");
    assertThat(parts.get("xl/worksheets/sheet1.xml")).contains("<v>12</v>", "<v>3.5</v>");
  }

  /** The parts of an XLSX file, read as a spreadsheet application does: through the zip's central directory. */
  static Map<String, String> unzip(byte[] xlsx) throws IOException {
    Map<String, String> parts = new HashMap<>();
    Path file = Files.write(Files.createTempFile("export", ".xlsx"), xlsx);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        parts.put(entry.getName(), new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
      }
    } finally {
      Files.delete(file);
    }
    return parts;
  }
}
