package fr.catalyse.documents;

/**
 * A request about documents that is not carried out: its HTTP status and the French
 * reason.
 */
class Refusal extends RuntimeException {

    private final int status;

    Refusal(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static Refusal unauthenticated() {
        return new Refusal(401, "Authentification requise : connectez-vous à Catalyse pour consulter les documents.");
    }

    static Refusal forbidden(String message) {
        return new Refusal(403, message);
    }

    static Refusal notFound(String message) {
        return new Refusal(404, message);
    }

    static Refusal invalid(String message) {
        return new Refusal(400, message);
    }

    static Refusal conflict(String message) {
        return new Refusal(409, message);
    }

    static Refusal tooLarge(String message) {
        return new Refusal(413, message);
    }

    /** The JSON type, in the shape of the engine's errors ({type, message}). */
    String type() {
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
