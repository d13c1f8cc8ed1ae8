package fr.catalyse.platform;

import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;

/** Errors of Catalyse's own API in the same JSON shape as the engine's REST API: {type, message}. */
@RestControllerAdvice
class ApiErrors {

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Map<String, String>> invalid(InvalidInputException invalid) {
    return ResponseEntity.badRequest().body(Map.of("type", "InvalidInputException", "message", invalid.getMessage()));
  }

  /** A body that is not JSON, or not of the shape the call expects: Spring's own answer would be in English. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException unreadable) {
    return ResponseEntity.badRequest().body(Map.of("type", "InvalidInputException", "message",
        "Requête illisible : le corps envoyé n'est pas un JSON valide ou n'a pas la forme attendue."));
  }

  /** A form upload larger than the servlet container accepts (spring.servlet.multipart.max-file-size). */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException tooLarge) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("type", "RequestTooLargeException", "message",
        "Fichier refusé : il dépasse la taille maximale d'un envoi. Découpez-le en plusieurs fichiers."));
  }

  /** Lost a race with another transaction (see {@link RestErrors}); Spring matches the cause chain too. */
  @ExceptionHandler({OptimisticLockingException.class, ConcurrencyFailureException.class})
  ResponseEntity<Map<String, String>> concurrent(RuntimeException concurrent) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(Map.of("type", "OptimisticLockingException", "message", RestErrors.CONCURRENT_UPDATE));
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, String>> refused(ResponseStatusException refused) {
    HttpStatus status = HttpStatus.valueOf(refused.getStatusCode().value());
    return ResponseEntity.status(status).body(Map.of("type", status.name(),
        "message", refused.getReason() == null ? status.getReasonPhrase() : refused.getReason()));
  }
}
