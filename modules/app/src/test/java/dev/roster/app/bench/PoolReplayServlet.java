package dev.roster.app.bench;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.DataInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;

/**
 * Replays requests' statements on the server's own connection pool ({@code jdbc/roster}), from
 * inside the server: the reference issue 16 names for the member page, "its own SQL run through
 * plain JDBC on the same pool at the same concurrency". Deployed next to Roster by the benchmark
 * only ({@link PoolReplay}), never part of the product. {@code PUT} takes the requests ({@link
 * ReplayedStatements#write}); {@code POST ?clients=N} runs them all on N of the server's managed
 * threads, each replayed request on a connection taken from the pool and given back, and answers
 * the nanoseconds the run took; {@code GET} answers once deployed. It runs whatever statements it
 * is handed, without authentication: it exists only in the benchmark's test server (which listens
 * on localhost) and only while a benchmark runs.
 */
@WebServlet("/replay")
public class PoolReplayServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Resource(lookup = "jdbc/roster")
  private transient DataSource pool;

  @Resource private transient ManagedExecutorService executor;

  private transient volatile List<List<ReplayedStatements.Bound>> requests = List.of();

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/plain");
    response.getWriter().print(requests.size());
  }

  @Override
  protected void doPut(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    requests = ReplayedStatements.read(new DataInputStream(request.getInputStream()));
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    int clients = Integer.parseInt(request.getParameter("clients"));
    List<List<ReplayedStatements.Bound>> replayed = requests;
    long nanos;
    try {
      nanos =
          Workers.run(
              executor,
              clients,
              replayed.size(),
              i -> {
                try (Connection connection = pool.getConnection()) {
                  ReplayedStatements.run(connection, replayed.get(i));
                }
              });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } catch (ExecutionException e) {
      // the benchmark fails with the statement that failed
      response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      response.setContentType("text/plain");
      e.getCause().printStackTrace(response.getWriter());
      return;
    }
    response.setContentType("text/plain");
    response.getWriter().print(nanos);
  }
}
