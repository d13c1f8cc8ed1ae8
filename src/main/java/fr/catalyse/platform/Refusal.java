package fr.catalyse.platform;

/**
 * A request of one of our own resources that is not carried out (the observatory's pages,
 * the documents): its HTTP status and the French reason, answered in the shape of the
 * engine's errors so that the webapps' pages read ours and the engine's alike.
 */
public class Refusal extends RuntimeException {

    private final int status;

    private Refusal(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /**
     * @param what what the caller wanted to see, e.g. « l'Observatoire »
     */
    public static Refusal unauthenticated(String what) {
        return new Refusal(401, "Authentification requise : connectez-vous à Catalyse pour consulter " + what + ".");
    }

    public static Refusal forbidden(String message) {
        return new Refusal(403, message);
    }

    public static Refusal notFound(String message) {
        return new Refusal(404, message);
    }

    public static Refusal invalid(String message) {
        return new Refusal(400, message);
    }

    public static Refusal conflict(String message) {
        return new Refusal(409, message);
    }

    public static Refusal tooLarge(String message) {
        return new Refusal(413, message);
    }

    /** The JSON type, in the shape of the engine's errors ({type, message}). */
    public String type() {
        return switch (status) {
            case 401 -> "AuthenticationException";
            case 403 -> "AuthorizationException";
            case 404 -> "NotFoundException";
            case 409 -> "ConflictException";
            case 413 -> "RequestTooLargeException";
            default -> "InvalidRequestException";
        };
    }

}
