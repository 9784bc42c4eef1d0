package dev.roster.kernel;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The stable problem types of the Roster API and factories for them. Each type URI names one kind
 * of failure that clients may branch on; the detail text is for people.
 */
public final class Problems {

  /** Prefix of every problem type URI. */
  public static final String BASE = "https://roster.dev/problems/";

  private Problems() {}

  /** 400: a field or parameter is invalid. */
  public static ProblemException validation(String detail, List<Problem.FieldError> errors) {
    return new ProblemException(
        new Problem(BASE + "validation", "Invalid input", 400, detail, errors));
  }

  /**
   * 400: the Bean Validation failures, each field named by its JSON path (properties below the
   * parameter joined by dots, such as {@code admin.email}; the parameter's name when it is itself
   * invalid).
   */
  public static ProblemException of(ConstraintViolationException exception) {
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
    return validation(detail, errors);
  }

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

  /** 400: a single field is invalid. */
  public static ProblemException invalidField(String field, String message) {
    return validation(field + ": " + message, List.of(new Problem.FieldError(field, message)));
  }

  /** 400: the request body or parameters cannot be read at all. */
  public static ProblemException badRequest(String detail) {
    return new ProblemException(400, "bad-request", "Malformed request", detail);
  }

  /** Seconds a client waits before trying again while the database is out of reach. */
  public static final int DATABASE_RETRY_SECONDS = 5;

  /**
   * 503: the database cannot be reached right now (restarting, unreachable, out of connections);
   * nothing the request asked for was acknowledged, so the same request may be sent again after
   * {@code Retry-After} seconds.
   */
  public static ProblemException databaseUnavailable() {
    return new ProblemException(
            503,
            "database-unavailable",
            "Service unavailable",
            "The database cannot be reached right now. Try again in a few seconds; if the request"
                + " was to change something, read it first to see whether the change was made.")
        .withHeader("Retry-After", Integer.toString(DATABASE_RETRY_SECONDS));
  }

  /** 401: no valid credentials. */
  public static ProblemException unauthorized(String detail) {
    return new ProblemException(401, "unauthorized", "Not authenticated", detail);
  }

  /** 403: authenticated, but a named rule forbids the action. */
  public static ProblemException forbidden(String detail) {
    return new ProblemException(403, "forbidden", "Not allowed", detail);
  }

  /** 404: does not exist, or the caller may not see it. */
  public static ProblemException notFound(String detail) {
    return new ProblemException(404, "not-found", "Not found", detail);
  }

  /** 409: conflicts with the current state, under a specific type. */
  public static ProblemException conflict(String type, String title, String detail) {
    return new ProblemException(409, type, title, detail);
  }

  /** 429: too many attempts; try again later. */
  public static ProblemException tooManyRequests(String detail) {
    return new ProblemException(429, "too-many-requests", "Too many requests", detail);
  }

  /** 429 with a {@code Retry-After} header of {@code wait}, in whole seconds (at least one). */
  public static ProblemException tooManyRequests(String detail, java.time.Duration wait) {
    return tooManyRequests(detail)
        .withHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
  }

  /**
   * 409 {@code concurrent-change}: a request lost a race with another that changed the same thing;
   * it may simply be sent again.
   */
  public static ProblemException concurrentChange() {
    return new ProblemException(
            409,
            "concurrent-change",
            "Concurrent change",
            "Another request changed the same thing at the same moment; try again.")
        .withHeader("Retry-After", "1");
  }
}
