package fr.catalyse.observatory;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The observatory's pages under the webapps' session. Camunda's filters only require a
 * signed-in user here (EngineRequestAuthorizer), whatever their role, and set the
 * engine's authentication of the request from the session: {@link ObservatoryScope} then
 * decides what this user sees, as on /api.
 */
public class ObservatoryResource extends AbstractCockpitPluginResource {

    private final ObservatoryEndpoints endpoints;

    ObservatoryResource(String engineName, ObservatoryEndpoints endpoints) {
        super(engineName);
        this.endpoints = endpoints;
    }

    @GET
    @Path("cohortes")
    public Response cohorts(@QueryParam("format") String format) {
        return http(endpoints.cohorts(caller(), format));
    }

    @GET
    @Path("cohortes/{id}")
    public Response cohort(@PathParam("id") String id, @QueryParam("format") String format) {
        return http(endpoints.cohort(caller(), id, format));
    }

    @GET
    @Path("partenariats")
    public Response partnerships(@QueryParam("territoire") String territory, @QueryParam("etape") String stage,
            @QueryParam("type") String kind, @QueryParam("tri") String sort, @QueryParam("ordre") String order,
            @QueryParam("page") String page, @QueryParam("taille") String size, @QueryParam("format") String format) {
        return http(endpoints.partnerships(caller(), territory, stage, kind, sort, order, page, size, format));
    }

    @GET
    @Path("dialogues")
    public Response dialogues(@QueryParam("format") String format) {
        return http(endpoints.dialogues(caller(), format));
    }

    @GET
    @Path("indicateurs")
    public Response indicators(@QueryParam("format") String format) {
        return http(endpoints.indicators(caller(), format));
    }

    @GET
    @Path("dossier/{processInstanceId}")
    public Response dossier(@PathParam("processInstanceId") String processInstanceId,
            @QueryParam("format") String format) {
        return http(endpoints.dossier(caller(), processInstanceId, format));
    }

    /**
     * The signed-in user, as the webapps' authentication filter handed them to the engine
     * for this request.
     */
    private Authentication caller() {
        return getProcessEngine() == null ? null : getCurrentAuthentication();
    }

    private static Response http(Answer answer) {
        Response.ResponseBuilder response = Response.status(answer.status())
            .type(answer.contentType())
            .entity(answer.body());
        if (answer.disposition() != null) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, answer.disposition());
        }
        return response.build();
    }

}
