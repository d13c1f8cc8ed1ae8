package fr.catalyse.forms;

import fr.catalyse.platform.Deadlines;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.modulith.NamedInterface;

/**
 * Typed reads of the variables a form submitted, for the listeners and delegates of every
 * model; the form rules ({@link FormRules}) already checked them, so a blank value reads
 * as absent.
 */
@NamedInterface("values")
public final class Read {

    private Read() {
    }

    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    public static BigDecimal decimal(VariableScope scope, String name) {
        return decimal(scope.getVariable(name));
    }

    public static BigDecimal decimal(Object value) {
        return value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString().trim());
    }

    /** A whole number; 0 when the field was left empty. */
    public static int integer(VariableScope scope, String name) {
        BigDecimal value = decimal(scope, name);
        return value == null ? 0 : value.intValue();
    }

    /**
     * A date field (text « AAAA-MM-JJ… » from Tasklist, or a Java date set by a
     * delegate), in the programme's zone.
     */
    public static LocalDate date(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Date date) {
            return date.toInstant().atZone(Deadlines.ZONE).toLocalDate();
        }
        return value == null ? null : LocalDate.parse(value.toString().substring(0, 10));
    }

    public static List<String> list(VariableScope scope, String name) {
        return FormValues.strings(scope.getVariable(name));
    }

    public static List<Map<String, Object>> entries(VariableScope scope, String name) {
        return FormValues.entries(scope.getVariable(name));
    }

    /** A list stored in one column, as the codes joined by commas. */
    public static String joined(VariableScope scope, String name) {
        List<String> values = list(scope, name);
        return values.isEmpty() ? null : String.join(",", values);
    }

}
