package dev.roster.kernel;

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

  /** 400: a single field is invalid. */
  public static ProblemException invalidField(String field, String message) {
    return validation(field + ": " + message, List.of(new Problem.FieldError(field, message)));
  }

  /** 400: the request body or parameters cannot be read at all. */
  public static ProblemException badRequest(String detail) {
    return new ProblemException(400, "bad-request", "Malformed request", detail);
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
}
