package fr.catalyse.observatory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The French labels of the choices people made in the forms (kind of partnership,
 * objectives, fragilities, approaches…), read from the deployed .form files themselves so
 * that the observatory says exactly what the form said.
 */
final class FormOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> labels;

    private FormOptions(Map<String, String> labels) {
        this.labels = labels;
    }

    /** The options of one field of a form under {@code forms/} on the classpath. */
    static FormOptions of(String form, String key) {
        try (InputStream in = FormOptions.class.getClassLoader().getResourceAsStream("forms/" + form + ".form")) {
            if (in == null) {
                throw new IllegalStateException("Formulaire introuvable : forms/" + form + ".form");
            }
            Map<String, String> labels = new LinkedHashMap<>();
            collect(JSON.readTree(in).path("components"), key, labels);
            if (labels.isEmpty()) {
                throw new IllegalStateException("Le formulaire " + form + " n'a pas d'options pour « " + key + " »");
            }
            return new FormOptions(labels);
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static void collect(JsonNode components, String key, Map<String, String> labels) {
        for (JsonNode component : components) {
            if (key.equals(component.path("key").asText())) {
                component.path("values")
                    .forEach(option -> labels.put(option.path("value").asText(), option.path("label").asText()));
            }
            collect(component.path("components"), key, labels);
        }
    }

    /**
     * The label of a value; the value itself when the form does not (or no longer) offers
     * it.
     */
    String label(String value) {
        return value == null ? null : labels.getOrDefault(value, value);
    }

    /** Every value the form offers with its label, in the form's order. */
    Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(labels);
    }

    /**
     * Labels of comma-separated values, as the records keep lists: « Cohésion sociale,
     * Qualité de vie ».
     */
    String labels(String joined) {
        if (joined == null || joined.isBlank()) {
            return null;
        }
        return Arrays.stream(joined.split(",")).map(String::trim).map(this::label).collect(Collectors.joining(", "));
    }

    FormOptions and(FormOptions other) {
        Map<String, String> merged = new LinkedHashMap<>(labels);
        other.labels.forEach(merged::putIfAbsent);
        return new FormOptions(merged);
    }

}
