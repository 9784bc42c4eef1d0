package dev.roster.kernel;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes a problem+json response from servlet code (filters), outside of JAX-RS. */
public final class ServletProblems {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private ServletProblems() {}

  /** Writes the exception's problem, with its headers ({@code Retry-After}, say). */
  public static void write(HttpServletResponse response, ProblemException exception)
      throws IOException {
    exception.headers().forEach(response::setHeader);
    write(response, exception.problem());
  }

  /** Writes {@code problem} as the whole response. */
  public static void write(HttpServletResponse response, Problem problem) throws IOException {
    response.setStatus(problem.status());
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    if (problem.status() == 401) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    response.getWriter().write(JSONB.toJson(problem));
    Measures measures = measures();
    if (measures != null) {
      measures.problem(problem.type(), problem.status());
    }
  }

  private static volatile Measures measures;

  /** The application's measures, looked up once; null outside a CDI container (unit tests). */
  private static Measures measures() {
    Measures found = measures;
    if (found == null) {
      try {
        found = jakarta.enterprise.inject.spi.CDI.current().select(Measures.class).get();
        measures = found;
      } catch (IllegalStateException noContainer) {
        return null;
      }
    }
    return found;
  }
}
