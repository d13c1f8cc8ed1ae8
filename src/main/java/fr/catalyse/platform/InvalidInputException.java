package fr.catalyse.platform;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input a person can correct: the message says what is wrong, in French. The REST API answers 400
 * with it, even when the engine wrapped it on the way (see {@link RestErrors}).
 */
public class InvalidInputException extends BadUserRequestException {

  public InvalidInputException(String message) {
    super(message);
  }
}
