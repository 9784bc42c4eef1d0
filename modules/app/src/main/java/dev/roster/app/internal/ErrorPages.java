package dev.roster.app.internal;

import dev.roster.kernel.Problem;
import dev.roster.kernel.Problems;
import dev.roster.kernel.ServletProblems;
import dev.roster.kernel.Sql;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The container's error pages as problem+json: a token that the server refuses (tampered, expired,
 * wrongly signed) is answered by the security layer before Roster's code runs, and lands here; so
 * does a failure in a servlet filter, such as the database being out of reach while the caller is
 * looked up (503 {@code database-unavailable}).
 */
@WebServlet("/errors")
public class ErrorPages extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 500;
    // a filter that reads the database (the caller's session or API key) while it is out of reach
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
        && Sql.isDatabaseUnavailable(failure)) {
      ServletProblems.write(response, Problems.databaseUnavailable());
      return;
    }
    Problem problem =
        switch (status) {
          case 400 ->
              new Problem(
                  Problems.BASE + "bad-request",
                  "Bad request",
                  400,
                  "The server cannot read this request as it is spelled.",
                  List.of());
          case 401 ->
              Problems.unauthorized(
                      "A valid bearer token is required: it is missing, expired, or not one this server issued.")
                  .problem();
          case 403 -> Problems.forbidden("Access is forbidden.").problem();
          case 404 -> Problems.notFound("No resource at this path.").problem();
          case 405 ->
              new Problem(
                  Problems.BASE + "method-not-allowed",
                  "Method not allowed",
                  405,
                  "This resource does not support the method.",
                  List.of());
          default ->
              new Problem(
                  Problems.BASE + "internal",
                  "Internal error",
                  status,
                  "The server failed to handle the request.",
                  List.of());
        };
    ServletProblems.write(response, problem);
  }
}
