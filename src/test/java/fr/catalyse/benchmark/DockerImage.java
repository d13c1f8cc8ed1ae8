package fr.catalyse.benchmark;

import fr.catalyse.ApplicationProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * The application laid out as src/main/docker/Dockerfile lays it out: the jar the
 * benchmark profile packages, extracted, with the class-data sharing archive of a
 * training run on the demo database.
 */
final class DockerImage {

    private DockerImage() {
    }

    static Path prepare() throws IOException, InterruptedException {
        Path packaged;
        try (Stream<Path> target = Files.list(Path.of("target"))) {
            // the one this run packaged: an older version's jar may still lie there
            packaged = target.filter(file -> file.getFileName().toString().matches("catalyse-.*\\.jar"))
                .max(Comparator.comparing(file -> file.toFile().lastModified()))
                .orElseThrow(() -> new IllegalStateException("Jar introuvable dans target/ : lancer avec -Pbenchmark"));
        }
        Path image = Path.of("target", "benchmark-image").toAbsolutePath();
        FileSystemUtils.deleteRecursively(image);
        runToTheEnd("l'extraction du jar", ApplicationProcess.startJar(packaged, List.of("-Djarmode=tools"), Map.of(),
                "extract", "--destination", image.toString(), "--application-filename", "catalyse.jar"));
        runToTheEnd("l'exécution d'entraînement",
                ApplicationProcess.startJar(jar(image),
                        List.of("-XX:ArchiveClassesAtExit=" + archive(image), "-Dspring.context.exit=onRefresh"),
                        Map.of(), "--spring.profiles.active=demo", "--spring.datasource.url=jdbc:h2:mem:training",
                        "--catalyse.demo.mailbox.smtp-port=0"));
        if (!Files.exists(archive(image))) {
            throw new IllegalStateException("Archive CDS absente après l'entraînement : " + archive(image));
        }
        return image;
    }

    private static void runToTheEnd(String what, ApplicationProcess process) throws InterruptedException {
        try (process) {
            if (process.awaitExit(Duration.ofMinutes(3)) != 0) {
                throw new IllegalStateException("Échec de " + what + " :\n" + process.output());
            }
        }
    }

    static Path jar(Path image) {
        return image.resolve("catalyse.jar");
    }

    static List<String> jvmOptions(Path image) {
        return List.of("-XX:SharedArchiveFile=" + archive(image));
    }

    private static Path archive(Path image) {
        return image.resolve("catalyse.jsa");
    }

}
