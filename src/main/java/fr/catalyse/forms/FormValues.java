package fr.catalyse.forms;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.modulith.NamedInterface;

/**
 * Process variables as plain Java values: Tasklist sends lists (checklists, dynamic
 * lists) as JSON variables, which the engine hands back as Spin nodes.
 */
@NamedInterface("values")
public final class FormValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormValues() {
    }

    /**
     * A variable's value with JSON turned into lists, maps, strings, numbers and
     * booleans.
     */
    public static Object plain(Object value) {
        if (value instanceof SpinJsonNode json) {
            try {
                return JSON.readValue(json.toString(), Object.class);
            }
            catch (IOException malformed) {
                return json.toString();
            }
        }
        return value;
    }

    /**
     * The elements of a list variable as strings; a single value becomes a one-element
     * list.
     */
    public static List<String> strings(Object value) {
        Object plain = plain(value);
        List<String> strings = new ArrayList<>();
        if (plain instanceof Collection<?> collection) {
            collection.forEach(element -> strings.add(String.valueOf(element)));
        }
        else if (plain != null && !plain.toString().isBlank()) {
            strings.add(plain.toString());
        }
        return strings;
    }

    /**
     * A Java value (list, map…) as a JSON variable, which Tasklist hands to the form as
     * data.
     */
    public static JsonValue json(Object value) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
        }
        catch (IOException unwritable) {
            throw new IllegalArgumentException(unwritable);
        }
    }

    /**
     * Choices for a select or checklist whose values come from a variable (valuesKey):
     * [{label, value}].
     */
    public static JsonValue options(Map<String, String> labelsByValue) {
        List<Map<String, String>> options = new ArrayList<>();
        labelsByValue.forEach((value, label) -> options.add(Map.of("label", label, "value", value)));
        return json(options);
    }

    /** The entries of a dynamic-list variable, each as a map from field key to value. */
    public static List<Map<String, Object>> entries(Object value) {
        Object plain = plain(value);
        if (!(plain instanceof Collection<?> collection)) {
            return List.of();
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Object element : collection) {
            entries.add(element instanceof Map<?, ?> map
                    ? JSON.convertValue(map, new TypeReference<LinkedHashMap<String, Object>>() {
                    }) : Map.of());
        }
        return entries;
    }

}
