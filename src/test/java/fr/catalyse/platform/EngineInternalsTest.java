package fr.catalyse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's internals are the upgrade's hot spots (docs/engine-internals.md): a class
 * that starts using one must say so there, or the list a move to Operaton relies on would
 * be incomplete.
 */
class EngineInternalsTest {

    @Test
    void everyClassUsingAnEngineInternalIsNamedInTheUpgradeList() throws IOException {
        String page = Files.readString(Path.of("docs/engine-internals.md"));
        Path sources = Path.of("src/main/java/fr/catalyse");
        List<Path> users;
        try (Stream<Path> files = Files.walk(sources)) {
            users = files.filter(file -> file.toString().endsWith(".java"))
                .filter(EngineInternalsTest::usesAnInternal)
                .toList();
        }
        assertThat(users).isNotEmpty();
        for (Path file : users) {
            String name = sources.relativize(file).toString().replace(".java", "").replace('/', '.');
            assertThat(page).as(name + " uses an engine internal: name it in docs/engine-internals.md")
                .contains("`" + name + "`");
        }
    }

    private static boolean usesAnInternal(Path file) {
        try {
            String source = Files.readString(file);
            return source.contains("org.camunda.bpm.engine.impl.") || source.contains("org.camunda.bpm.webapp.impl.");
        }
        catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

}
