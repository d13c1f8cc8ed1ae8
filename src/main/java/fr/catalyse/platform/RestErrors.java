package fr.catalyse.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.springframework.stereotype.Component;

/**
 * Errors of the REST API that a caller can fix answer 400 with a French message, in
 * Camunda's JSON error shape. The engine wraps exceptions thrown by listeners
 * (ENGINE-03051, HTTP 500), so the cause chain is searched for an
 * {@link InvalidInputException}. Reaching into another territory's tenant is a 403, like
 * any other denied access. A change that lost a race with another transaction on the same
 * data (a reminder job, another person: ENGINE-03005, an
 * {@link OptimisticLockingException}, which the REST resources wrap in a 500
 * {@link RestException}) is a 409 that tells the person to reload, since nothing they
 * sent was recorded. Retrying it for them is not safe in general: the other transaction
 * may have closed the task or moved the process on. Everything else keeps Camunda's
 * answer.
 */
@Component
class RestErrors extends CamundaJerseyResourceConfig {

    static final String PASSWORD_POLICY = "Password does not match policy";
    static final String OTHER_TENANT = "because it belongs to no authenticated tenant";
    static final String CONCURRENT_UPDATE = "Cet élément a été modifié en même temps par une autre opération (un rappel "
            + "automatique ou une autre personne) : votre envoi n'a pas été enregistré. Copiez vos saisies, rechargez la page, "
            + "puis envoyez-les de nouveau.";

    @Override
    protected void registerAdditionalResources() {
        register(EngineErrors.class);
        register(WrappedErrors.class);
    }

    /**
     * The webapps (Tasklist, Cockpit, Admin) call the engine through their own JAX-RS
     * application, {@code /camunda/api/engine} (the servlet « Engine Api » of the Spring
     * starter), with Camunda's mappers only: there a form violation answered 500 «
     * ENGINE-03051 » and another territory's task 500 « ENGINE-13034 ». Jersey runs every
     * {@link ForcedAutoDiscoverable} listed in {@code META-INF/services} for each
     * application it starts, so this one adds our mappers to the webapps' applications
     * too (on /engine-rest they are already registered: Jersey ignores the second
     * registration), and both APIs answer alike.
     */
    public static class InEveryJerseyApplication implements ForcedAutoDiscoverable {

        @Override
        public void configure(FeatureContext context) {
            if (!context.getConfiguration().isRegistered(EngineErrors.class)) {
                context.register(EngineErrors.class);
                context.register(WrappedErrors.class);
            }
        }

    }

    static Response translate(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return badRequest(invalid.getClass().getSimpleName(), invalid.getMessage());
            }
            if (cause instanceof OptimisticLockingException) {
                return error(Response.Status.CONFLICT, "OptimisticLockingException", CONCURRENT_UPDATE);
            }
            if (PASSWORD_POLICY.equals(cause.getMessage())) {
                return badRequest("PasswordPolicyException",
                        "Le mot de passe ne respecte pas la politique : 10 caractères "
                                + "au moins, dont une majuscule, une minuscule, un chiffre et un caractère spécial, sans le nom ni l'identifiant.");
            }
            if (cause.getMessage() != null && cause.getMessage().contains(OTHER_TENANT)) {
                return error(Response.Status.FORBIDDEN, "AuthorizationException",
                        "Accès refusé : cet élément appartient à un territoire dont vous ne faites pas partie.");
            }
        }
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }

    private static Response badRequest(String type, String message) {
        return error(Response.Status.BAD_REQUEST, type, message);
    }

    private static Response error(Response.Status status, String type, String message) {
        ExceptionDto body = new ExceptionDto();
        body.setType(type);
        body.setMessage(message);
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Priority(1)
    static class EngineErrors implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return translate(exception);
        }

    }

    @Priority(1)
    static class WrappedErrors implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            return translate(exception);
        }

    }

}
