package fr.catalyse.forms;

import java.math.BigDecimal;
import java.util.List;

/**
 * One input of a Camunda Form and the rules it declares.
 *
 * @param key variable the field writes (for a dynamic list, the list variable)
 * @param options allowed values written in the form; empty when not a choice or when
 * {@code optionsKey} applies
 * @param optionsKey variable holding the allowed values ({@code valuesKey}), as [{label,
 * value}]
 * @param hideWhen FEEL condition (without "=") under which the field is hidden and not
 * submitted
 * @param items fields of each entry of a dynamic list
 */
record FormField(String key, String label, String type, String subtype, boolean required, Integer minLength,
        Integer maxLength, String pattern, String validationType, BigDecimal min, BigDecimal max, List<String> options,
        String optionsKey, String hideWhen, List<FormField> items) {

    boolean isMultiple() {
        return List.of("checklist", "taglist").contains(type);
    }
}
