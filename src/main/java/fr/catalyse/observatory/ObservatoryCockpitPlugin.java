package fr.catalyse.observatory;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The observatory's Cockpit back-end plugin (listed in
 * META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin): its resources are
 * served at /camunda/api/cockpit/plugin/catalyse-observatoire/{engine}/..., behind the
 * webapps' session and CSRF filters, so that Cockpit's and Tasklist's pages call it with
 * the session people already have. Public with a public constructor: the webapps find it
 * with java.util.ServiceLoader.
 */
public class ObservatoryCockpitPlugin extends AbstractCockpitPlugin {

    public static final String ID = "catalyse-observatoire";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(ObservatoryRootResource.class);
    }

}
