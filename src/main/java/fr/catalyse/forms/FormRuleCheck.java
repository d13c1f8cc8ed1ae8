package fr.catalyse.forms;

import fr.catalyse.platform.InvalidInputException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Checks submitted values against the rules of a form, the way form-js does in the
 * browser: required, lengths, patterns, e-mail type, number ranges, dates, choices among
 * the form's options, and every entry of a dynamic list. Hidden fields (conditional) are
 * not checked.
 */
final class FormRuleCheck {

    /**
     * Decides whether a field is hidden: its FEEL condition against the submitted values.
     */
    private final BiPredicate<String, Map<String, Object>> hidden;

    FormRuleCheck(BiPredicate<String, Map<String, Object>> hidden) {
        this.hidden = hidden;
    }

    /**
     * @throws InvalidInputException listing every violated rule, in French, naming the
     * fields
     */
    void enforce(FormSchema form, Map<String, Object> values) {
        List<String> violations = violations(form.fields(), values, "");
        if (!violations.isEmpty()) {
            throw new InvalidInputException("Formulaire incomplet ou invalide : " + String.join(" ", violations));
        }
    }

    List<String> violations(List<FormField> fields, Map<String, Object> values, String where) {
        List<String> violations = new ArrayList<>();
        for (FormField field : fields) {
            if (field.hideWhen() != null && hidden.test(field.hideWhen(), values)) {
                continue;
            }
            String name = "Le champ « " + field.label() + " »" + where;
            Object value = FormValues.plain(values.get(field.key()));
            if (isEmpty(value, field)) {
                if (field.required()) {
                    violations
                        .add(name + (field.type().equals("checkbox") ? " doit être coché." : " est obligatoire."));
                }
                continue;
            }
            String problem = switch (field.type()) {
                case "number" -> checkNumber(field, value);
                case "checkbox" -> value instanceof Boolean ? null : " doit valoir vrai ou faux.";
                case "datetime" -> checkDate(field, value);
                case "select", "radio", "checklist", "taglist" -> checkChoice(field, value, values);
                case "dynamiclist" -> null;
                default -> checkText(field, value);
            };
            if (problem != null) {
                violations.add(name + problem);
            }
            if (field.type().equals("dynamiclist")) {
                List<Map<String, Object>> entries = FormValues.entries(value);
                for (int i = 0; i < entries.size(); i++) {
                    Map<String, Object> scope = new HashMap<>(values);
                    scope.putAll(entries.get(i));
                    violations
                        .addAll(violations(field.items(), scope, " (" + field.label() + ", ligne " + (i + 1) + ")"));
                }
            }
        }
        return violations;
    }

    private static boolean isEmpty(Object value, FormField field) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            return true;
        }
        if (value instanceof Collection<?> collection) {
            return collection.isEmpty();
        }
        return field.type().equals("checkbox") && Boolean.FALSE.equals(value);
    }

    private static String checkText(FormField field, Object value) {
        String text = value.toString();
        if (field.minLength() != null && text.length() < field.minLength()) {
            return " doit contenir au moins " + field.minLength() + " caractères.";
        }
        if (field.maxLength() != null && text.length() > field.maxLength()) {
            return " doit contenir au plus " + field.maxLength() + " caractères.";
        }
        if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(text).find()) {
            return " n'a pas le format attendu.";
        }
        if ("email".equals(field.validationType()) && !isEmail(text)) {
            return " doit être une adresse e-mail valide.";
        }
        return null;
    }

    private static String checkNumber(FormField field, Object value) {
        BigDecimal number;
        try {
            number = new BigDecimal(value.toString().trim());
        }
        catch (NumberFormatException notANumber) {
            return " doit être un nombre.";
        }
        if ((field.min() != null && number.compareTo(field.min()) < 0)
                || (field.max() != null && number.compareTo(field.max()) > 0)) {
            return " doit être compris entre " + bound(field.min(), "−∞") + " et " + bound(field.max(), "+∞") + ".";
        }
        return null;
    }

    private static String checkDate(FormField field, Object value) {
        String text = value.toString();
        try {
            LocalDate.parse("date".equals(field.subtype()) || text.length() == 10 ? text : text.substring(0, 10));
            return null;
        }
        catch (DateTimeParseException | StringIndexOutOfBoundsException invalid) {
            return " doit être une date (AAAA-MM-JJ).";
        }
    }

    private static String checkChoice(FormField field, Object value, Map<String, Object> values) {
        List<String> allowed = field.optionsKey() == null ? field.options()
                : optionValues(values.get(field.optionsKey()));
        List<String> chosen = FormValues.strings(value);
        if (!field.isMultiple() && chosen.size() > 1) {
            return " n'accepte qu'une seule valeur.";
        }
        for (String choice : chosen) {
            if (!allowed.contains(choice)) {
                return " ne propose pas la valeur « " + choice + " ».";
            }
        }
        return null;
    }

    /** Values of a [{label, value}] options variable. */
    private static List<String> optionValues(Object options) {
        return FormValues.entries(options).stream().map(option -> String.valueOf(option.get("value"))).toList();
    }

    private static boolean isEmail(String text) {
        try {
            new InternetAddress(text, true).validate();
            return text.contains("@");
        }
        catch (AddressException invalid) {
            return false;
        }
    }

    private static String bound(BigDecimal value, String none) {
        return value == null ? none : value.stripTrailingZeros().toPlainString();
    }

}
