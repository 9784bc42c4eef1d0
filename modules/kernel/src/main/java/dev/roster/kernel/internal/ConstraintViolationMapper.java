package dev.roster.kernel.internal;

import dev.roster.kernel.Problem;
import dev.roster.kernel.Problems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/**
 * Answers Bean Validation failures with a 400 validation problem that names each offending field by
 * its JSON name (the last path node, without the method and parameter prefix).
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    List<Problem.FieldError> errors =
        exception.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(field(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    String detail =
        errors.stream()
            .map(e -> e.field() + " " + e.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("");
    return ProblemResponses.of(Problems.validation(detail, errors).problem());
  }

  /**
   * The field's JSON path: properties below the parameter joined by dots ({@code admin.email}), or
   * the parameter's own name when the parameter itself is invalid.
   */
  private static String field(ConstraintViolation<?> violation) {
    StringBuilder properties = new StringBuilder();
    String parameter = "";
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case PARAMETER -> parameter = node.getName();
        case PROPERTY -> properties.append(properties.isEmpty() ? "" : ".").append(node.getName());
        default -> {
          // method and return-value nodes mean nothing to a client
        }
      }
    }
    return properties.isEmpty() ? parameter : properties.toString();
  }
}
