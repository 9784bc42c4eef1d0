package dev.roster.kernel.internal;

import dev.roster.kernel.Problems;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a query or path parameter holding U+0000 (which PostgreSQL cannot store or compare in
 * text), and a boolean query parameter that is neither {@code true} nor {@code false}, with a 400
 * validation problem naming it, before any resource reads it.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class ParameterCheck implements ContainerRequestFilter {

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
    check(query);
    check(request.getUriInfo().getPathParameters(true));
    booleans(query);
  }

  /**
   * A boolean query parameter is {@code true} or {@code false}: JAX-RS reads any other word as
   * false, so {@code dryRun=ture} would import for real.
   */
  private void booleans(MultivaluedMap<String, String> query) {
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method == null || query.isEmpty()) {
      return;
    }
    for (String name : BOOLEANS.computeIfAbsent(method, ParameterCheck::booleanQueryParameters)) {
      List<String> values = query.get(name);
      if (values == null) {
        continue;
      }
      for (String value : values) {
        if (!"true".equals(value) && !"false".equals(value)) {
          throw Problems.invalidField(name, "must be true or false");
        }
      }
    }
  }

  /** The boolean query parameters of each resource method, read once by reflection. */
  private static final Map<Method, List<String>> BOOLEANS = new ConcurrentHashMap<>();

  private static List<String> booleanQueryParameters(Method method) {
    List<String> names = new ArrayList<>();
    for (Parameter parameter : method.getParameters()) {
      QueryParam name = parameter.getAnnotation(QueryParam.class);
      Class<?> type = parameter.getType();
      if (name != null && (type == boolean.class || type == Boolean.class)) {
        names.add(name.value());
      }
    }
    return List.copyOf(names);
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
