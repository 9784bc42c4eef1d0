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
 * @param instance a URI reference to what the problem is about (such as the existing invitation a
 *     new one conflicts with), or null
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    List<FieldError> errors,
    String instance) {

  /** One invalid input field. */
  public record FieldError(String field, String message) {}

  /** Builds a problem; {@code errors} may be null for none. */
  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** A problem about nothing in particular. */
  public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    this(type, title, status, detail, errors, null);
  }

  /** This problem, pointing at {@code instance}. */
  public Problem at(String instance) {
    return new Problem(type, title, status, detail, errors, instance);
  }
}
