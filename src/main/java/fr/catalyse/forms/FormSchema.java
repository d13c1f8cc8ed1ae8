package fr.catalyse.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The inputs of a Camunda Form (form-js JSON) with their validation rules. */
record FormSchema(String id, List<FormField> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Set<String> CONTAINERS = Set.of("group");

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final Set<String> NOT_INPUTS = Set.of("text", "html", "image", "spacer", "separator", "button",
            "iframe", "table", "expression", "documentPreview");

    static FormSchema read(InputStream json) {
        try (json) {
            JsonNode form = JSON.readTree(json);
            return new FormSchema(form.path("id").asText(), fields(form.path("components")));
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * Every variable the rules read: the fields, their option lists and the names their
     * conditions mention.
     */
    Set<String> variableNames() {
        Set<String> names = new HashSet<>();
        collectNames(fields, names);
        return names;
    }

    /**
     * The names a submission of this form may carry: its fields and dynamic lists,
     * nothing the form only reads.
     */
    Set<String> submittedNames() {
        Set<String> names = new HashSet<>();
        fields.forEach(field -> names.add(field.key()));
        return names;
    }

    private static void collectNames(List<FormField> fields, Set<String> names) {
        for (FormField field : fields) {
            names.add(field.key());
            if (field.optionsKey() != null) {
                names.add(field.optionsKey());
            }
            if (field.hideWhen() != null) {
                Matcher name = NAME.matcher(field.hideWhen());
                while (name.find()) {
                    names.add(name.group());
                }
            }
            collectNames(field.items(), names);
        }
    }

    private static List<FormField> fields(JsonNode components) {
        List<FormField> fields = new ArrayList<>();
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if (CONTAINERS.contains(type)) {
                fields.addAll(fields(component.path("components")));
            }
            else if ("dynamiclist".equals(type)) {
                fields.add(field(component, component.path("path").asText(), fields(component.path("components"))));
            }
            else if (!NOT_INPUTS.contains(type) && component.hasNonNull("key")) {
                fields.add(field(component, component.path("key").asText(), List.of()));
            }
        }
        return fields;
    }

    private static FormField field(JsonNode component, String key, List<FormField> items) {
        JsonNode validate = component.path("validate");
        List<String> options = new ArrayList<>();
        component.path("values").forEach(option -> options.add(option.path("value").asText()));
        String hide = component.path("conditional").path("hide").asText(null);
        String label = component.path("label").asText(component.path("dateLabel").asText(key));
        return new FormField(key, label, component.path("type").asText(), component.path("subtype").asText(null),
                validate.path("required").asBoolean(false), integer(validate, "minLength"),
                integer(validate, "maxLength"), validate.path("pattern").asText(null),
                validate.path("validationType").asText(null), decimal(validate, "min"), decimal(validate, "max"),
                List.copyOf(options), component.path("valuesKey").asText(null),
                hide == null ? null : hide.replaceFirst("^=", ""), items);
    }

    private static Integer integer(JsonNode validate, String name) {
        return validate.hasNonNull(name) ? validate.get(name).asInt() : null;
    }

    private static BigDecimal decimal(JsonNode validate, String name) {
        return validate.hasNonNull(name) ? validate.get(name).decimalValue() : null;
    }
}
