package fr.catalyse.partnership;

import fr.catalyse.forms.FormValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the variables a form submitted; the form rules already checked them. */
final class Read {

  private Read() {
  }

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  static BigDecimal decimal(VariableScope scope, String name) {
    return decimal(scope.getVariable(name));
  }

  static BigDecimal decimal(Object value) {
    return value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString().trim());
  }

  static int integer(VariableScope scope, String name) {
    BigDecimal value = decimal(scope, name);
    return value == null ? 0 : value.intValue();
  }

  static LocalDate date(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Date date) {
      return date.toInstant().atZone(fr.catalyse.platform.Deadlines.ZONE).toLocalDate();
    }
    return value == null ? null : LocalDate.parse(value.toString().substring(0, 10));
  }

  static List<String> list(VariableScope scope, String name) {
    return FormValues.strings(scope.getVariable(name));
  }

  static List<Map<String, Object>> entries(VariableScope scope, String name) {
    return FormValues.entries(scope.getVariable(name));
  }

  /** A list stored in one column, as the codes joined by commas. */
  static String joined(VariableScope scope, String name) {
    List<String> values = list(scope, name);
    return values.isEmpty() ? null : String.join(",", values);
  }
}
