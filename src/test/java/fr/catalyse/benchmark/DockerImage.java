package fr.catalyse.benchmark;

import fr.catalyse.ApplicationProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * The application laid out as src/main/docker/Dockerfile lays it out: the jar the benchmark profile
 * packages, extracted, with the class-data sharing archive of a training run on the demo database.
 */
final class DockerImage {

  private DockerImage() {
  }

  static Path prepare() throws IOException, InterruptedException {
    Path packaged;
    try (Stream<Path> target = Files.list(Path.of("target"))) {
      // the one this run packaged: an older version's jar may still lie there
      packaged = target.filter(file -> file.getFileName().toString().matches("catalyse-.*\\.jar"))
          .max(java.util.Comparator.comparing(file -> file.toFile().lastModified()))
          .orElseThrow(() -> new IllegalStateException("Jar introuvable dans target/ : lancer avec -Pbenchmark"));
    }
    Path image = Path.of("target", "benchmark-image").toAbsolutePath();
    FileSystemUtils.deleteRecursively(image);
    run(List.of("-Djarmode=tools", "-jar", packaged.toString(), "extract", "--destination", image.toString(),
        "--application-filename", "catalyse.jar"));
    try (var training = ApplicationProcess.startJar(jar(image), List.of("-XX:ArchiveClassesAtExit=" + archive(image),
        "-Dspring.context.exit=onRefresh"), Map.of(), "--spring.profiles.active=demo",
        "--spring.datasource.url=jdbc:h2:mem:training", "--catalyse.demo.mailbox.smtp-port=0")) {
      if (training.awaitExit(Duration.ofMinutes(3)) != 0 || !Files.exists(archive(image))) {
        throw new IllegalStateException("Échec de l'exécution d'entraînement :\n" + training.output());
      }
    }
    return image;
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

  private static void run(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).inheritIO().start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("Échec de : " + String.join(" ", command));
    }
  }
}
