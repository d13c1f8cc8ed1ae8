package fr.catalyse.versions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Deployments a test makes beside the application's own, removed (with their instances)
 * when it closes. Camunda numbers each new deployment of a process key as its latest
 * version; a test that deploys an older model calls {@link #currentAgain()} afterwards so
 * that, as in production after an upgrade, the old model is an older version and today's
 * is the latest — what starts by key (a spreading, the governance dialogues of a cohort,
 * an email) then runs on today's model.
 */
final class ModelDeployments implements AutoCloseable {

    private static final PathMatchingResourcePatternResolver RESOURCES = new PathMatchingResourcePatternResolver();

    private final ProcessEngine engine;

    private final List<Deployment> made = new ArrayList<>();

    ModelDeployments(ProcessEngine engine) {
        this.engine = engine;
    }

    /**
     * Every model and form of a released version ({@code released/<n>/bpmn},
     * {@code released/<n>/forms}), in one deployment.
     */
    Deployment released(int version) {
        String folder = "classpath*:released/" + version;
        return deploy("Version publiée " + version, folder + "/bpmn/*.bpmn", folder + "/forms/*.form");
    }

    /** Today's models and forms again, as the application deploys them at start-up. */
    Deployment currentAgain() {
        return deploy("Modèles actuels", "classpath*:bpmn/**/*.bpmn", "classpath*:forms/**/*.form");
    }

    /**
     * One deployment of every resource matching the patterns, each under its file name.
     */
    Deployment deploy(String name, String... patterns) {
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name(name);
        try {
            for (String pattern : patterns) {
                for (Resource resource : RESOURCES.getResources(pattern)) {
                    try (InputStream content = resource.getInputStream()) {
                        builder.addInputStream(resource.getFilename(), content);
                    }
                }
            }
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        Deployment deployment = builder.deploy();
        made.add(deployment);
        return deployment;
    }

    ProcessDefinition definition(Deployment deployment, String processKey) {
        return engine.getRepositoryService()
            .createProcessDefinitionQuery()
            .deploymentId(deployment.getId())
            .processDefinitionKey(processKey)
            .singleResult();
    }

    /**
     * Removes the deployments with their instances and history, the latest last: removing
     * the latest version of a key makes the previous one the latest again, ending on the
     * application's own.
     */
    @Override
    public void close() {
        for (Deployment deployment : made) {
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
        made.clear();
    }

}
