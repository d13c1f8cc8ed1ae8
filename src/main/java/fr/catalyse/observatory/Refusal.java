package fr.catalyse.observatory;

/**
 * A request the observatory does not answer with data: its HTTP status and the French
 * reason.
 */
class Refusal extends RuntimeException {

    private final int status;

    private Refusal(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static Refusal unauthenticated() {
        return new Refusal(401, "Authentification requise : connectez-vous à Catalyse pour consulter l'Observatoire.");
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

    /**
     * The JSON type of the refusal, in the shape of the engine's errors ({type,
     * message}).
     */
    String type() {
        return switch (status) {
            case 401 -> "AuthenticationException";
            case 403 -> "AuthorizationException";
            case 404 -> "NotFoundException";
            default -> "InvalidRequestException";
        };
    }

}
