package fr.catalyse.platform;

import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** Errors of Catalyse's own API in the same JSON shape as the engine's REST API: {type, message}. */
@RestControllerAdvice
class ApiErrors {

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Map<String, String>> invalid(InvalidInputException invalid) {
    return ResponseEntity.badRequest().body(Map.of("type", "InvalidInputException", "message", invalid.getMessage()));
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
