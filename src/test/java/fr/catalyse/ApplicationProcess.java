package fr.catalyse;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Catalyse started as its own JVM, the way an operator starts it: main class,
 * command-line properties and environment variables. Used to check what happens at
 * start-up, which a Spring test context sharing the JVM (and Camunda's engine registry)
 * cannot show.
 */
public final class ApplicationProcess implements AutoCloseable {

    private final Process process;

    private final Path output;

    private ApplicationProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    public static ApplicationProcess start(Map<String, String> environment, String... arguments) {
        return start(List.of(), environment, arguments);
    }

    /** Started with extra JVM options, e.g. those {@code mvn spring-boot:run} adds. */
    public static ApplicationProcess start(List<String> jvmOptions, Map<String, String> environment,
            String... arguments) {
        return launch(jvmOptions,
                List.of("-cp", System.getProperty("java.class.path"), CatalyseApplication.class.getName()), environment,
                arguments);
    }

    /**
     * Started from a packaged or extracted jar ({@code java -jar}), as the Docker image
     * does.
     */
    public static ApplicationProcess startJar(Path jar, List<String> jvmOptions, Map<String, String> environment,
            String... arguments) {
        return launch(jvmOptions, List.of("-jar", jar.toString()), environment, arguments);
    }

    private static ApplicationProcess launch(List<String> jvmOptions, List<String> application,
            Map<String, String> environment, String... arguments) {
        try {
            Path output = Files.createTempFile("catalyse-run", ".log");
            List<String> command = new ArrayList<>(
                    List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
            command.addAll(jvmOptions);
            command.addAll(application);
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("CATALYSE_"));
            builder.environment().putAll(environment);
            return new ApplicationProcess(builder.start(), output);
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /**
     * Waits until the readiness probe answers UP; fails with the output if the process
     * dies first.
     */
    public void awaitReady(int port, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Catalyse s'est arrêté au démarrage :\n" + output());
            }
            try {
                HttpResponse<String> response = client
                    .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Catalyse n'est pas prêt après " + timeout + " :\n" + output());
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Catalyse ne s'est pas arrêté après " + timeout + " :\n" + output());
        }
        return process.exitValue();
    }

    public String output() {
        try {
            return Files.readString(output);
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Stops it as an operator would (SIGTERM), so the database is closed cleanly. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        new File(output.toString()).delete();
    }

}
