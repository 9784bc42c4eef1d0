package dev.roster.kernel;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response.
 *
 * @param type stable URI naming the kind of problem
 * @param title short, fixed summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param errors the offending fields, for validation problems; empty otherwise
 */
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  /** One invalid input field. */
  public record FieldError(String field, String message) {}

  /** Builds a problem; {@code errors} may be null for none. */
  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }
}
