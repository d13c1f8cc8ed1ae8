package fr.catalyse.pathway;

import fr.catalyse.forms.FormValues;
import fr.catalyse.platform.Deadlines;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the variables the pathway's forms submitted; the form rules already checked them. */
final class Read {

  private Read() {
  }

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  static int integer(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? 0 : new java.math.BigDecimal(value.toString()).intValue();
  }

  static LocalDate date(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Date date) {
      return date.toInstant().atZone(Deadlines.ZONE).toLocalDate();
    }
    return value == null ? null : LocalDate.parse(value.toString().substring(0, 10));
  }

  static List<String> list(VariableScope scope, String name) {
    return FormValues.strings(scope.getVariable(name));
  }

  static List<Map<String, Object>> entries(VariableScope scope, String name) {
    return FormValues.entries(scope.getVariable(name));
  }
}
