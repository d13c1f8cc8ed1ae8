package fr.catalyse.platform;

/**
 * Where Camunda's webapps live, in one place: their path
 * ({@code camunda.bpm.webapp.application-path}, the starter's default, set in
 * application.yaml) and the classpath folder whose files win over the webjar's (our
 * French locales, configuration and plugins). A move to Operaton changes both
 * ({@code /operaton}, {@code webjars/operaton}): this class, that setting and the
 * folder's name; {@code WebappsTest} checks the three agree.
 */
public final class Webapps {

    public static final String PATH = "/camunda";

    /** The folder of src/main/resources holding our copy of the webapps' files. */
    public static final String RESOURCES = "META-INF/resources/webjars/camunda";

    public static final String TASKLIST = PATH + "/app/tasklist/default/";

    public static final String COCKPIT = PATH + "/app/cockpit/default/";

    /** The webapps' copy of the engine's REST API, which Tasklist and Cockpit call. */
    public static final String ENGINE_API = PATH + "/api/engine";

    private Webapps() {
    }

}
