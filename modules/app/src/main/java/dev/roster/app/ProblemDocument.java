package dev.roster.app;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of every error response, for the OpenAPI document (RFC 9457).
 *
 * @param type stable URI of the kind of problem, under https://roster.dev/problems/
 * @param title fixed summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param errors the offending fields of a validation problem
 * @param instance what the problem is about, when it points somewhere (such as the existing
 *     invitation that a new one conflicts with)
 */
@Schema(name = "Problem", description = "An RFC 9457 problem detail.")
public record ProblemDocument(
    @Schema(required = true) String type,
    @Schema(required = true) String title,
    @Schema(required = true) int status,
    @Schema(required = true) String detail,
    List<FieldErrorDocument> errors,
    @Schema(nullable = true) String instance) {

  /**
   * One offending field.
   *
   * @param field the field's JSON name
   * @param message what is wrong with it
   */
  @Schema(name = "FieldError")
  public record FieldErrorDocument(String field, String message) {}
}
