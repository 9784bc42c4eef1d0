package dev.roster.kernel.internal;

import dev.roster.kernel.Problems;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Refuses a query or path parameter holding U+0000 (which PostgreSQL cannot store or compare in
 * text) with a 400 validation problem naming it, before any resource reads it.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class ParameterCheck implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    check(request.getUriInfo().getQueryParameters(true));
    check(request.getUriInfo().getPathParameters(true));
  }

  private static void check(MultivaluedMap<String, String> parameters) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      for (String value : parameter.getValue()) {
        if (value != null && value.indexOf('\0') >= 0) {
          throw Problems.invalidField(parameter.getKey(), "must not contain the character U+0000");
        }
      }
    }
  }
}
