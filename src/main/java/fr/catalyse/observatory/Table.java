package fr.catalyse.observatory;

import java.util.List;

/**
 * A page's table as it is exported: French headers and rows of cells, each a text, a
 * number, a date ({@link java.time.LocalDate}) or empty (null). CSV and XLSX are written
 * from the same table.
 *
 * @param file the file name without extension, e.g. « partenariats »
 * @param sheet the XLSX sheet's name (31 characters at most)
 */
record Table(String file, String sheet, List<String> headers, List<List<Object>> rows) {
}
