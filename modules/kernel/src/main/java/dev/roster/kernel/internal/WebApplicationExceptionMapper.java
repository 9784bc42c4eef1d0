package dev.roster.kernel.internal;

import dev.roster.kernel.Problem;
import dev.roster.kernel.Problems;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Answers the JAX-RS runtime's own failures (unknown path, wrong method, unsupported media type,
 * unreadable body) with problem+json instead of the container's default pages.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    if (exception.getResponse().getEntity() instanceof Problem) {
      // already answered with a problem, such as a malformed parameter
      return exception.getResponse();
    }
    int status = exception.getResponse().getStatus();
    java.util.Optional<String> parameter = unconvertible(exception);
    if (parameter.isPresent()) {
      // JAX-RS answers 404 for a query parameter it cannot convert (limit=abc): a bad request
      return ProblemResponses.of(
          dev.roster.kernel.Problems.invalidField(
                  parameter.get(), "is not a value of the type this parameter takes")
              .problem());
    }
    Problem problem =
        switch (status) {
          case 400 -> Problems.badRequest(readable(exception)).problem();
          case 404 -> Problems.notFound("No resource at this path.").problem();
          case 405 ->
              fixed(
                  status,
                  "method-not-allowed",
                  "Method not allowed",
                  "This resource does not support the method.");
          case 406 ->
              fixed(
                  status,
                  "not-acceptable",
                  "Not acceptable",
                  "This resource cannot produce the requested media type.");
          case 415 ->
              fixed(
                  status,
                  "unsupported-media-type",
                  "Unsupported media type",
                  "Send the body as application/json.");
          default ->
              fixed(
                  status,
                  "http-" + status,
                  exception.getResponse().getStatusInfo().getReasonPhrase(),
                  "The request failed.");
        };
    Response.ResponseBuilder builder =
        Response.status(status).type(ProblemResponses.MEDIA_TYPE).entity(problem);
    String allow = exception.getResponse().getHeaderString("Allow");
    if (allow != null) {
      builder.header("Allow", allow);
    }
    return builder.build();
  }

  private static final java.util.regex.Pattern PARAMETER =
      java.util.regex.Pattern.compile(
          "(?:Query|Path|Header|Form|Matrix|Cookie)Param\\(\\\"?([A-Za-z0-9_.-]+)\\\"?\\)");

  /** The parameter a conversion failure names, read from the runtime's message. */
  static java.util.Optional<String> unconvertible(WebApplicationException exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message != null) {
        java.util.regex.Matcher m = PARAMETER.matcher(message);
        if (m.find()) {
          return java.util.Optional.of(m.group(1));
        }
      }
    }
    return java.util.Optional.empty();
  }

  private static Problem fixed(int status, String type, String title, String detail) {
    return new Problem(Problems.BASE + type, title, status, detail, List.of());
  }

  private static String readable(WebApplicationException exception) {
    Throwable cause = exception.getCause();
    return cause != null && cause.getMessage() != null
        ? "The request could not be read: " + firstLine(cause.getMessage())
        : "The request could not be read.";
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
