package fr.catalyse.people;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Replaces a person's identifiers in every text column of a set of tables, found through
 * the database's own catalogue (information_schema), so that a column added later is
 * covered without a change here. A user id is replaced only as a whole word (« cat.alpha
 * » inside « cat.alpha2 » is another person); names and email addresses wherever they
 * occur, case ignored. Rows are rewritten value by value ({@code where column = old}), so
 * tables without a single-column key are covered too. Portable to PostgreSQL and H2.
 */
@Component
class TextSweep {

    private final JdbcTemplate jdbc;

    TextSweep(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What to look for, each with what replaces it. */
    record Needle(Pattern pattern, String replacement) {

        static Needle word(String userId, String pseudonym) {
            return new Needle(
                    Pattern.compile("(?<![A-Za-z0-9._-])" + Pattern.quote(userId) + "(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])"),
                    pseudonym);
        }

        static Needle text(String text, String replacement) {
            return new Needle(Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                    replacement);
        }

        String apply(String value) {
            return pattern.matcher(value).replaceAll(Matcher.quoteReplacement(replacement));
        }

        String literal() {
            String quoted = pattern.pattern();
            int start = quoted.indexOf("\\Q") + 2;
            return quoted.substring(start, quoted.indexOf("\\E", start));
        }
    }

    /**
     * Text columns of the tables whose name matches (SQL like, upper or lower case as the
     * catalogue stores it).
     */
    List<String[]> textColumns(boolean engineTables) {
        List<String[]> columns = new ArrayList<>();
        for (Map<String, Object> row : jdbc
            .queryForList("select table_name, column_name, data_type from information_schema.columns "
                    + "where table_schema = current_schema()")) {
            String table = (String) row.get("table_name");
            String type = String.valueOf(row.get("data_type")).toLowerCase();
            boolean engine = table.toUpperCase().startsWith("ACT_");
            boolean text = type.contains("char") || type.contains("text") || type.contains("clob");
            if (engine == engineTables && text && !table.toLowerCase().startsWith("flyway")) {
                columns.add(new String[] { table, (String) row.get("column_name") });
            }
        }
        return columns;
    }

    /**
     * @return how many values were rewritten
     */
    int sweep(List<String[]> columns, List<Needle> needles) {
        int rewritten = 0;
        for (String[] column : columns) {
            String table = quote(column[0]);
            String name = quote(column[1]);
            for (Needle needle : needles) {
                List<String> values = jdbc.queryForList(
                        "select distinct " + name + " from " + table + " where lower(" + name + ") like ?",
                        String.class, "%" + needle.literal().toLowerCase() + "%");
                for (String value : values) {
                    String replaced = needle.apply(value);
                    if (!replaced.equals(value)) {
                        rewritten += jdbc.update("update " + table + " set " + name + " = ? where " + name + " = ?",
                                replaced, value);
                    }
                }
            }
        }
        return rewritten;
    }

    /**
     * The same in a binary column holding text (the engine's long variable values, JSON,
     * and comments): a value that is not UTF-8 text (a serialized Java object) is left as
     * it is, since rewriting it would corrupt it.
     */
    int sweepBytes(String table, String idColumn, String bytesColumn, List<Needle> needles) {
        // Read row by row, keeping only what changes: the engine's byte arrays also hold
        // every deployed model.
        Map<Object, byte[]> changed = new java.util.LinkedHashMap<>();
        jdbc.query("select " + idColumn + " id, " + bytesColumn + " bytes from " + table + " where " + bytesColumn
                + " is not null", (org.springframework.jdbc.core.RowCallbackHandler) row -> {
                    String text = utf8(row.getBytes("bytes"));
                    if (text == null) {
                        return;
                    }
                    String replaced = text;
                    for (Needle needle : needles) {
                        replaced = needle.apply(replaced);
                    }
                    if (!replaced.equals(text)) {
                        changed.put(row.getObject("id"), replaced.getBytes(StandardCharsets.UTF_8));
                    }
                });
        changed.forEach((id, bytes) -> jdbc
            .update("update " + table + " set " + bytesColumn + " = ? where " + idColumn + " = ?", bytes, id));
        return changed.size();
    }

    private static String utf8(byte[] bytes) {
        if (bytes == null || (bytes.length > 1 && bytes[0] == (byte) 0xAC && bytes[1] == (byte) 0xED)) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        }
        catch (CharacterCodingException notText) {
            return null;
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

}
