package fr.catalyse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules of Catalyse and what each may use of the others, checked on every build:
 * each top-level package under fr.catalyse is a module, its package-info says which
 * modules (and which of their named interfaces) it depends on, and a reference to
 * anything else — another module's internal type, a module it did not declare, a cycle —
 * fails here.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(CatalyseApplication.class);

    @Test
    void everyModuleUsesOnlyWhatItDeclaresAndTheModulesFormNoCycle() {
        MODULES.verify();
    }

    /**
     * A module without the declaration could depend on anything: a new module joins by
     * writing its package-info with
     * {@code @ApplicationModule(allowedDependencies = ...)}.
     */
    @Test
    void everyModuleDeclaresTheModulesItMayDependOn() {
        List<String> modules = MODULES.stream().map(module -> module.getBasePackage().getName()).toList();
        assertThat(modules).contains("fr.catalyse.platform", "fr.catalyse.pathway", "fr.catalyse.governance");
        for (String module : modules) {
            Package definition = definitionOf(module);
            ApplicationModule declared = definition == null ? null : definition.getAnnotation(ApplicationModule.class);
            assertThat(declared).as(module + "/package-info.java with @ApplicationModule").isNotNull();
            assertThat(declared.allowedDependencies()).as("allowedDependencies of " + module)
                .doesNotContain(ApplicationModule.OPEN_TOKEN);
        }
    }

    /**
     * The module documentation in docs/modules (PlantUML diagrams and one canvas per
     * module), written afresh by every build from the code: a changed module shows in the
     * diff of that folder, and only then. The Documenter lists a diagram's relations in
     * no fixed order, so they are sorted.
     */
    @Test
    void theModuleDocumentationIsWrittenFromTheCode() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCUMENTATION.toString()))
            .writeDocumentation();
        try (Stream<Path> files = Files.list(DOCUMENTATION)) {
            for (Path diagram : files.filter(file -> file.toString().endsWith(".puml")).toList()) {
                Files.writeString(diagram, relationsSorted(Files.readString(diagram)));
            }
        }
        assertThat(DOCUMENTATION.resolve("components.puml")).exists();
        assertThat(Files.readString(DOCUMENTATION.resolve("module-governance.adoc")))
            .contains("fr.catalyse.governance");
    }

    static final Path DOCUMENTATION = Path.of("docs/modules");

    /** Each run of consecutive {@code Rel(...)} lines in alphabetical order. */
    static String relationsSorted(String diagram) {
        List<String> lines = new ArrayList<>(diagram.lines().toList());
        for (int start = 0; start < lines.size(); start++) {
            int end = start;
            while (end < lines.size() && lines.get(end).startsWith("Rel(")) {
                end++;
            }
            if (end > start + 1) {
                Collections.sort(lines.subList(start, end));
            }
            start = end;
        }
        return String.join("\n", lines) + "\n";
    }

    private static Package definitionOf(String name) {
        try {
            return Class.forName(name + ".package-info").getPackage();
        }
        catch (ClassNotFoundException missing) {
            return null;
        }
    }

}
