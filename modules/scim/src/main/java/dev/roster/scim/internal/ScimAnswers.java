package dev.roster.scim.internal;

import dev.roster.kernel.Problem;
import dev.roster.kernel.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Every failure on a SCIM route answers in the SCIM error schema (RFC 7644 section 3.12), with the
 * {@code scimType} the RFC names where one fits: the SCIM services' own errors, and the problems
 * the shared layers raise on the way (the tenant guard, the members and teams services,
 * validation).
 */
@Provider
public class ScimAnswers implements ContainerResponseFilter, ExceptionMapper<ScimError> {

  /** The problem types whose SCIM error names a {@code scimType}. */
  private static final Map<String, String> SCIM_TYPES =
      Map.of(
          Problems.BASE + "already-member", "uniqueness",
          Problems.BASE + "team-name-taken", "uniqueness",
          Problems.BASE + "name-taken", "uniqueness",
          Problems.BASE + "managed-externally", "mutability",
          Problems.BASE + "validation", "invalidValue",
          Problems.BASE + "bad-request", "invalidSyntax");

  @Override
  public Response toResponse(ScimError error) {
    return answer(error.status(), error.scimType(), error.getMessage());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getEntity() instanceof Problem problem && scimRoute(request)) {
      String scimType = SCIM_TYPES.get(problem.type());
      String detail = problem.detail() == null ? problem.title() : problem.detail();
      if (!problem.errors().isEmpty()) {
        detail =
            detail
                + " "
                + String.join(
                    "; ",
                    problem.errors().stream().map(e -> e.field() + ": " + e.message()).toList());
      }
      response.setEntity(ScimJson.write(ScimJson.error(problem.status(), scimType, detail)));
      response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, ScimJson.MEDIA_TYPE);
    }
  }

  static Response answer(int status, String scimType, String detail) {
    return Response.status(status)
        .type(ScimJson.MEDIA_TYPE)
        .entity(ScimJson.write(ScimJson.error(status, scimType, detail)))
        .build();
  }

  /** The answer's form only: which route serves the request was decided by the tenant guard. */
  private static boolean scimRoute(ContainerRequestContext request) {
    return request.getUriInfo().getPath().startsWith("scim/v2/")
        || request.getUriInfo().getPath().startsWith("/scim/v2/");
  }
}
