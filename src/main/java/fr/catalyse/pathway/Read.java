package fr.catalyse.pathway;

import fr.catalyse.forms.FormValues;
import fr.catalyse.platform.Deadlines;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.modulith.NamedInterface;

/**
 * Typed reads of the variables the pathway's and the governance dialogues' forms submitted; the form
 * rules already checked them.
 */
@NamedInterface("cohorts")
public final class Read {

  private Read() {
  }

  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  public static int integer(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? 0 : new java.math.BigDecimal(value.toString()).intValue();
  }

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
}
