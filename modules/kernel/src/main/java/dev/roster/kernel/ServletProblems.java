package dev.roster.kernel;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes a problem+json response from servlet code (filters), outside of JAX-RS. */
public final class ServletProblems {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private ServletProblems() {}

  /** Writes {@code problem} as the whole response. */
  public static void write(HttpServletResponse response, Problem problem) throws IOException {
    response.setStatus(problem.status());
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    if (problem.status() == 401) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    response.getWriter().write(JSONB.toJson(problem));
    try {
      jakarta
          .enterprise
          .inject
          .spi
          .CDI
          .current()
          .select(Measures.class)
          .get()
          .problem(problem.type(), problem.status());
    } catch (IllegalStateException noContainer) {
      // outside a CDI container (unit tests): nothing to count into
    }
  }
}
