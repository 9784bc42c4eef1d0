package dev.roster.app.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The benchmark's replay on the server's own pool: a small web application ({@link
 * PoolReplayServlet} and {@link ReplayedStatements}) dropped into the test server's {@code dropins}
 * folder for the run and removed after it.
 */
final class PoolReplay implements AutoCloseable {

  private static final Path DROPINS =
      Path.of(
          System.getProperty("roster.wlp", "target/liberty/wlp"), "usr/servers/roster-it/dropins");
  private static final String NAME = "roster-bench-replay.war";
  private static final URI ENDPOINT = URI.create(Bench.BASE + "/roster-bench-replay/replay");

  // HTTP/1.1: the JDK client's default asks a plain-HTTP server to upgrade to HTTP/2, and Liberty's
  // answer to that for an unknown path never came
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private PoolReplay() {}

  /** Deploys the replay application and waits (a minute at most) until it answers. */
  static PoolReplay deploy() throws Exception {
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, NAME)
            .addClasses(
                PoolReplayServlet.class,
                ReplayedStatements.class,
                ReplayedStatements.Bound.class,
                Workers.class,
                Workers.Request.class,
                Workers.Use.class);
    Files.createDirectories(DROPINS);
    // written beside and moved in whole: the server must not read half an archive
    Path staged = Files.createTempFile(DROPINS.getParent(), "replay", ".war");
    war.as(ZipExporter.class).exportTo(staged.toFile(), true);
    Files.move(staged, DROPINS.resolve(NAME), StandardCopyOption.ATOMIC_MOVE);
    PoolReplay replay = new PoolReplay();
    long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (replay.status(HttpRequest.newBuilder(ENDPOINT).timeout(Duration.ofSeconds(10)).GET())
        != 200) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("the replay application did not start within a minute");
      }
      Thread.sleep(250);
    }
    return replay;
  }

  /** Hands the server the requests to replay; {@link #seconds} runs them. */
  void load(List<List<ReplayedStatements.Bound>> requests) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReplayedStatements.write(new DataOutputStream(bytes), requests);
    int put =
        status(
            HttpRequest.newBuilder(ENDPOINT)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())));
    if (put != 204) {
      throw new IllegalStateException("the replay application refused the statements: " + put);
    }
  }

  /**
   * Runs the loaded requests at {@code clients} at once on the server's pool; the seconds taken.
   */
  double seconds(int clients) throws Exception {
    HttpResponse<String> run =
        http.send(
            HttpRequest.newBuilder(URI.create(ENDPOINT + "?clients=" + clients))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (run.statusCode() != 200) {
      throw new IllegalStateException("the replay on the server's pool failed: " + run.body());
    }
    return Long.parseLong(run.body().strip()) / 1e9;
  }

  private int status(HttpRequest.Builder request) throws IOException, InterruptedException {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      if (request.build().method().equals("GET")) {
        return -1;
      }
      throw e;
    }
  }

  /** Removes the replay application: the server undeploys it. */
  @Override
  public void close() throws IOException {
    Files.deleteIfExists(DROPINS.resolve(NAME));
  }
}
