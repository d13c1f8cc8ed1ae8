package fr.catalyse.platform;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Errors of Catalyse's own API in the same JSON shape as the engine's REST API: {type,
 * message}.
 */
@RestControllerAdvice
class ApiErrors {

    /**
     * The body of every refusal: the kind of error, as the engine's REST API names it,
     * and a French message.
     */
    record ApiError(String type, String message) {

        static ResponseEntity<ApiError> badRequest(String message) {
            return ResponseEntity.badRequest().body(new ApiError("InvalidInputException", message));
        }
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ApiError> invalid(InvalidInputException invalid) {
        return ApiError.badRequest(invalid.getMessage());
    }

    /**
     * A body that is not JSON, or not of the shape the call expects: Spring's own answer
     * would be in English. A date field written otherwise than AAAA-MM-JJ is named.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException unreadable) {
        if (unreadable.getCause() instanceof MismatchedInputException mismatched
                && mismatched.getTargetType() == LocalDate.class && !mismatched.getPath().isEmpty()) {
            return invalid(InvalidInputException
                .notADate(mismatched.getPath().get(mismatched.getPath().size() - 1).getFieldName()));
        }
        return ApiError
            .badRequest("Requête illisible : le corps envoyé n'est pas un JSON valide ou n'a pas la forme attendue.");
    }

    /**
     * A query or path parameter that does not read as its type (a date, a number, one of
     * a list of codes).
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mistyped(MethodArgumentTypeMismatchException mistyped) {
        Class<?> type = mistyped.getRequiredType();
        if (type == LocalDate.class) {
            return invalid(InvalidInputException.notADate(mistyped.getName()));
        }
        if (type != null && type.isEnum()) {
            String known = Arrays.stream(type.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name())
                .collect(Collectors.joining(", "));
            return ApiError.badRequest(
                    "« " + mistyped.getValue() + " » n'est pas un " + mistyped.getName() + " connu (" + known + ").");
        }
        return ApiError.badRequest(
                "« " + mistyped.getName() + " » : « " + mistyped.getValue() + " » n'est pas une valeur valide.");
    }

    /**
     * A form upload larger than the servlet container accepts
     * (spring.servlet.multipart.max-file-size).
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException tooLarge) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
            .body(new ApiError("RequestTooLargeException",
                    "Fichier refusé : il dépasse la taille maximale d'un envoi. Découpez-le en plusieurs fichiers."));
    }

    /**
     * Lost a race with another transaction (see {@link RestErrors}); Spring matches the
     * cause chain too.
     */
    @ExceptionHandler({ OptimisticLockingException.class, ConcurrencyFailureException.class })
    ResponseEntity<ApiError> concurrent(RuntimeException concurrent) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
            .body(new ApiError("OptimisticLockingException", RestErrors.CONCURRENT_UPDATE));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ApiError> refused(ResponseStatusException refused) {
        HttpStatus status = HttpStatus.valueOf(refused.getStatusCode().value());
        return ResponseEntity.status(status)
            .body(new ApiError(status.name(),
                    refused.getReason() == null ? status.getReasonPhrase() : refused.getReason()));
    }

}
