package fr.catalyse.platform;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input a person can correct: the message says what is wrong, in French. The REST API
 * answers 400 with it, even when the engine wrapped it on the way (see
 * {@link RestErrors}).
 */
public class InvalidInputException extends BadUserRequestException {

    public InvalidInputException(String message) {
        super(message);
    }

    /**
     * A date missing or not written AAAA-MM-JJ: the same words for a query parameter and
     * a JSON field.
     */
    public static InvalidInputException notADate(String name) {
        return new InvalidInputException("« " + name + " » doit être une date au format AAAA-MM-JJ.");
    }

}
