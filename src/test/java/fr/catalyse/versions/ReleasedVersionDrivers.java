package fr.catalyse.versions;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * How the instances of one released version are played to their end on today's code (one
 * implementation per release).
 */
interface ReleasedVersionDrivers {

    /** The process keys of the release, each with a driver. */
    Set<String> processKeys();

    /**
     * Starts instances on that definition (by its id) and drives each through its wait
     * states to its end.
     */
    void drive(ProcessDefinition definition);

    /**
     * Wait states no driver reaches, activity id → why (e.g. only reached when an option
     * is switched off).
     */
    Map<String, String> notDriven();

}
