package fr.catalyse.demo;

import fr.catalyse.platform.Seeder;
import fr.catalyse.territory.Directory;
import fr.catalyse.territory.DirectoryCsv;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The demo territories and their participants, read from demo/participants.csv. */
@Component
@Order(100)
@ConditionalOnProperty("catalyse.demo.enabled")
class DemoParticipants implements Seeder {

    static final String FILE = "demo/participants.csv";

    private final Directory directory;

    private final DemoProperties properties;

    DemoParticipants(Directory directory, DemoProperties properties) {
        this.directory = directory;
        this.properties = properties;
    }

    @Override
    public void seed() {
        try (Reader csv = new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8)) {
            DirectoryCsv.Result result = DirectoryCsv.read(csv);
            if (!result.valid()) {
                throw new IllegalStateException(FILE + " : " + String.join("\n", result.errors()));
            }
            directory.register(result.entries(), person -> properties.password());
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

}
