package fr.catalyse.observatory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A page's table as a file a French spreadsheet opens as it is: CSV in UTF-8 with a byte
 * order mark (without it Excel reads UTF-8 as Windows-1252), « ; » between fields and
 * CRLF between lines (what a French Excel expects), dates as 31/12/2026 and decimal
 * commas; or XLSX, written by fastexcel (a small streaming writer: the exports need
 * cells, a bold header and a date format, not Apache POI's 20 MB). Every text cell goes
 * through {@link SpreadsheetText}.
 */
final class Exports {

    static final String CSV_TYPE = "text/csv;charset=UTF-8";
    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final CSVFormat FRENCH_CSV = CSVFormat.DEFAULT.builder()
        .setDelimiter(';')
        .setRecordSeparator("\r\n")
        .build();

    private Exports() {
    }

    static byte[] csv(Table table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, FRENCH_CSV)) {
            writer.write('\uFEFF');
            printer.printRecord(table.headers().stream().map(SpreadsheetText::neutralised).toList());
            for (List<Object> row : table.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                for (Object cell : row) {
                    cells.add(csvCell(cell));
                }
                printer.printRecord(cells);
            }
        }
        catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
        return bytes.toByteArray();
    }

    private static String csvCell(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof LocalDate date) {
            return FRENCH_DATE.format(date);
        }
        if (cell instanceof BigDecimal decimal) {
            return decimal.toPlainString().replace('.', ',');
        }
        if (cell instanceof Double || cell instanceof Float) {
            return cell.toString().replace('.', ',');
        }
        if (cell instanceof Number number) {
            return number.toString();
        }
        return SpreadsheetText.neutralised(cell.toString());
    }

    static byte[] xlsx(Table table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "Catalyse", "1.0");
            Worksheet sheet = workbook.newWorksheet(table.sheet());
            for (int column = 0; column < table.headers().size(); column++) {
                sheet.value(0, column, SpreadsheetText.neutralised(table.headers().get(column)));
                sheet.style(0, column).bold().set();
                sheet.width(column, Math.max(12, Math.min(50, table.headers().get(column).length() + 4)));
            }
            sheet.freezePane(0, 1);
            int line = 1;
            for (List<Object> row : table.rows()) {
                for (int column = 0; column < row.size(); column++) {
                    Object cell = row.get(column);
                    if (cell instanceof LocalDate date) {
                        sheet.value(line, column, date);
                        sheet.style(line, column).format("dd/mm/yyyy").set();
                    }
                    else if (cell instanceof Number number) {
                        sheet.value(line, column, number);
                    }
                    else if (cell != null) {
                        sheet.value(line, column, SpreadsheetText.neutralised(cell.toString()));
                    }
                }
                line++;
            }
            workbook.finish();
        }
        catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
        return bytes.toByteArray();
    }

}
