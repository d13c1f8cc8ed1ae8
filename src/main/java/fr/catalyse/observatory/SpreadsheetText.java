package fr.catalyse.observatory;

/**
 * Text cells as spreadsheets must receive them (issue 12, item 8): a text a person typed
 * (a partnership's name, a subject) that begins with {@code = + - @}, a tab or a carriage
 * return would be read by Excel or LibreOffice as a formula, and could run one on the
 * reader's machine. Such a text is prefixed with an apostrophe, which the spreadsheet
 * shows as plain text. Both the CSV and the XLSX export pass every text cell through
 * here; numbers and dates are written as such and need nothing.
 */
final class SpreadsheetText {

    private SpreadsheetText() {
    }

    static String neutralised(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }

}
