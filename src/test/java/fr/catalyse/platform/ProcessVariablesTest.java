package fr.catalyse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shared variable names in {@link ProcessVariables} are the ones the BPMN models and
 * the forms really use: a typo in a constant (« territoire » for « territory ») would
 * make Java read a variable nobody sets, and fails here instead of in a cohort's seventh
 * month.
 */
class ProcessVariablesTest {

    /**
     * Set and read by Java alone (listeners, delegates, the Tasklist columns): no model
     * or form names them.
     */
    private static final Set<String> SET_BY_JAVA_ONLY = Set.of(ProcessVariables.SESSION_TITLE,
            ProcessVariables.COHORT_ID);

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");

    /**
     * An expression's names that are neither a bean whose method is called nor that
     * method: {@code territory} in ${territory}, {@code partners} in
     * ${values.list(partners)}.
     */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)(?![\\w(.])");

    private static final Pattern NAMING_ATTRIBUTE = Pattern.compile(
            "(?<=\\s)(?:camunda:initiator|camunda:elementVariable|source|target|(?<=inputParameter |outputParameter )name)=\"(\\w+)\"");

    /**
     * The expression language's own words and the objects the engine hands to every
     * expression.
     */
    private static final Set<String> EXPRESSION_WORDS = Set.of("execution", "task", "true", "false", "null", "empty",
            "not", "and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");

    @Test
    void everySharedVariableIsOneTheModelsOrFormsUse() throws IOException {
        Set<String> used = variablesOfTheModelsAndForms();
        assertThat(constants()).filteredOn(name -> !SET_BY_JAVA_ONLY.contains(name))
            .isNotEmpty()
            .allSatisfy(name -> assertThat(used).as("variables of bpmn/ and forms/").contains(name));
    }

    @Test
    void theVariablesJavaAloneSetsAreNamedByNoModelOrForm() throws IOException {
        // Should a model start naming one, it moves out of SET_BY_JAVA_ONLY and the test
        // above guards it.
        assertThat(variablesOfTheModelsAndForms()).doesNotContainAnyElementsOf(SET_BY_JAVA_ONLY);
    }

    @Test
    void theReaderOfTheModelsFindsWhatTheyName() throws IOException {
        // The reader itself can fail: a name of each kind it must find, and a bean it
        // must not take for a variable.
        assertThat(variablesOfTheModelsAndForms())
            .contains("territory", "selectedTerritories", "partnershipName", "needs", "initiator", "cohortName")
            .doesNotContain("deadlines", "values", "pathwaySessions", "execution", "task");
    }

    private static List<String> constants() {
        return Arrays.stream(ProcessVariables.class.getDeclaredFields())
            .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
            .map(ProcessVariablesTest::value)
            .toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        }
        catch (IllegalAccessException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    /**
     * Variable names in expressions, I/O mappings, call-activity mappings and initiators,
     * and every form field key.
     */
    static Set<String> variablesOfTheModelsAndForms() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path model : files("bpmn", ".bpmn")) {
            String xml = Files.readString(model);
            Matcher expression = EXPRESSION.matcher(xml);
            while (expression.find()) {
                // Text in quotes is a value ('valider', 'governance.review-interval'),
                // not a name.
                Matcher identifier = IDENTIFIER.matcher(expression.group(1).replaceAll("'[^']*'", "''"));
                while (identifier.find()) {
                    names.add(identifier.group(1));
                }
            }
            Matcher attribute = NAMING_ATTRIBUTE.matcher(xml);
            while (attribute.find()) {
                names.add(attribute.group(1));
            }
        }
        ObjectMapper json = new ObjectMapper();
        for (Path form : files("forms", ".form")) {
            json.readTree(form.toFile()).findValues("key").stream().map(JsonNode::asText).forEach(names::add);
        }
        names.removeAll(EXPRESSION_WORDS);
        return names;
    }

    private static List<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> listed = Files.list(Path.of(folder))) {
            return listed.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
        }
    }

}
