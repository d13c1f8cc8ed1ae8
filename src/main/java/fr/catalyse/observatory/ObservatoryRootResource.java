package fr.catalyse.observatory;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/**
 * Root of the plugin's resources:
 * /camunda/api/cockpit/plugin/catalyse-observatoire/{engine}. Created by Jersey per
 * request.
 */
@Path("plugin/" + ObservatoryCockpitPlugin.ID)
public class ObservatoryRootResource extends AbstractCockpitPluginRootResource {

    public ObservatoryRootResource() {
        super(ObservatoryCockpitPlugin.ID);
    }

    @Path("{engineName}")
    public ObservatoryResource engine(@PathParam("engineName") String engineName) {
        return subResource(new ObservatoryResource(engineName, SpringBridge.endpoints(servletContext)), engineName);
    }

}
