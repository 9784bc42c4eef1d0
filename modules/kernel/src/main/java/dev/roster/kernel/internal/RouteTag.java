package dev.roster.kernel.internal;

import dev.roster.kernel.RequestLog;
import io.opentelemetry.api.trace.Span;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Tags the request's log lines with the route JAX-RS matched, as its path template ({@code
 * /api/v1/orgs/{org}/members/{id}}): the same label for every request to one operation, and none of
 * the values in the path, which may be tokens from emailed links.
 */
@Provider
@Priority(1)
public class RouteTag implements ContainerRequestFilter {

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Class<?> type = resource.getResourceClass();
    Method method = resource.getResourceMethod();
    if (type == null || method == null) {
      return;
    }
    StringBuilder route = new StringBuilder(request.getUriInfo().getBaseUri().getPath());
    append(route, type.getAnnotation(Path.class));
    append(route, method.getAnnotation(Path.class));
    RequestLog.route(route.toString());
    // the trace's span (when tracing is on) keeps the template too: a path value may be a token
    // from an emailed link, and a query may name people; neither may reach a trace collector
    if (TRACING) {
      Spans.scrub(route.toString(), request.getUriInfo().getRequestUri().getRawQuery() != null);
    }
  }

  /** Whether the OpenTelemetry API is there: only with ROSTER_TRACING=on (server.xml). */
  private static final boolean TRACING = present("io.opentelemetry.api.trace.Span");

  private static boolean present(String type) {
    try {
      Class.forName(type, false, RouteTag.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }

  /** The calls that need the OpenTelemetry API, loaded only when it is there. */
  private static final class Spans {

    static void scrub(String route, boolean query) {
      Span span = Span.current();
      span.setAttribute("url.path", route);
      if (query) {
        span.setAttribute("url.query", "REDACTED");
      }
    }
  }

  private static void append(StringBuilder route, Path path) {
    if (path == null) {
      return;
    }
    String segment = path.value();
    boolean slashBefore = route.length() > 0 && route.charAt(route.length() - 1) == '/';
    if (slashBefore && segment.startsWith("/")) {
      segment = segment.substring(1);
    } else if (!slashBefore && !segment.startsWith("/")) {
      route.append('/');
    }
    route.append(segment.endsWith("/") ? segment.substring(0, segment.length() - 1) : segment);
  }
}
