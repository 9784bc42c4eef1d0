package dev.roster.app.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Two Roster servers on one PostgreSQL database, behind HAProxy, as the README's deployment shows.
 * The servers are copies of the test server's Liberty server (same application, configuration and
 * keys) with ports and a database of their own: {@value #DATABASE} in the test server's embedded
 * PostgreSQL, made afresh for each run. HAProxy (Debian's package; {@code .ci/run} installs it)
 * balances them round robin and takes a server out while its readiness check fails.
 */
final class Cluster implements AutoCloseable {

  static final String DATABASE = "roster_cluster";
  private static final Set<String> NOT_COPIED = Set.of("logs", "workarea", "tranlog", "server.env");
  private static final Duration START = Duration.ofMinutes(4);

  private final Path wlp = Path.of(System.getProperty("roster.wlp"));
  private final Path work = wlp.getParent().getParent().resolve("cluster");
  private final int[] ports;
  private final int balancerPort;
  private Process balancer;
  private boolean made;

  private Cluster(int[] ports, int balancerPort) {
    this.ports = ports;
    this.balancerPort = balancerPort;
  }

  /** The cluster of the ports that the build gives; nothing is started yet. */
  static Cluster configured() {
    return new Cluster(
        new int[] {
          Integer.getInteger("roster.cluster.port.1", 19280),
          Integer.getInteger("roster.cluster.port.2", 19281)
        },
        Integer.getInteger("roster.cluster.balancer", 19290));
  }

  /** The base URL of server {@code n} (0 or 1), reached directly. */
  String server(int n) {
    return "http://localhost:" + ports[n];
  }

  /** The base URL of the balancer. */
  String balancer() {
    return "http://localhost:" + balancerPort;
  }

  /** Drops the cluster's database if an earlier run left it, and makes it anew, empty. */
  void freshDatabase() throws SQLException {
    String url = System.getProperty("roster.db.url", "jdbc:postgresql://localhost:25432/roster");
    try (Connection db =
            DriverManager.getConnection(
                url.substring(0, url.lastIndexOf('/') + 1) + "postgres", "postgres", "postgres");
        Statement sql = db.createStatement()) {
      sql.execute("drop database if exists " + DATABASE + " with (force)");
      sql.execute("create database " + DATABASE);
    }
  }

  /** Makes both servers from the test server's and starts them at the same moment. */
  void startServers() throws Exception {
    Path template = wlp.resolve("usr/servers/roster-it");
    String environment = Files.readString(template.resolve("server.env"));
    for (int n = 0; n < ports.length; n++) {
      Path server = wlp.resolve("usr/servers/" + name(n));
      if (!made) {
        // made anew from this build's test server; a later start keeps the logs of the first
        delete(server);
        copy(template, server);
      }
      Files.writeString(server.resolve("server.env"), environment(environment, n));
    }
    made = true;
    List<CompletableFuture<Void>> starts = new ArrayList<>();
    for (int n = 0; n < ports.length; n++) {
      int index = n;
      starts.add(CompletableFuture.runAsync(() -> command("start", name(index))));
    }
    starts.forEach(CompletableFuture::join);
    for (int n = 0; n < ports.length; n++) {
      awaitReady(server(n) + "/health/ready");
    }
    if (balancer != null) {
      awaitReady(balancer() + "/health/ready");
    }
  }

  /** Stops both servers at the same moment. */
  void stopServers() {
    List<CompletableFuture<Void>> stops = new ArrayList<>();
    for (int n = 0; n < ports.length; n++) {
      int index = n;
      stops.add(CompletableFuture.runAsync(() -> command("stop", name(index))));
    }
    stops.forEach(CompletableFuture::join);
  }

  /** Stops server {@code n} (0 or 1), waiting until it has stopped. */
  void stopServer(int n) {
    command("stop", name(n));
  }

  /** Whether server {@code n} takes new connections. */
  boolean accepts(int n) {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", ports[n]), 1000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  /** Starts HAProxy in front of both servers and waits until it reaches one. */
  void startBalancer() throws Exception {
    Path config = work.resolve("haproxy.cfg");
    Files.createDirectories(work);
    StringBuilder cfg = new StringBuilder();
    cfg.append(
        """
        global
          maxconn 256
        defaults
          mode http
          timeout connect 5s
          timeout client 60s
          timeout server 60s
          option forwardfor
          retries 3
          option redispatch
        frontend roster
          bind 127.0.0.1:%d
          default_backend servers
        backend servers
          balance roundrobin
          option httpchk GET /health/ready
          default-server inter 1s fall 2 rise 1
        """
            .formatted(balancerPort));
    for (int n = 0; n < ports.length; n++) {
      cfg.append("  server ").append(name(n)).append(" 127.0.0.1:").append(ports[n]);
      cfg.append(" check\n");
    }
    Files.writeString(config, cfg.toString());
    balancer =
        new ProcessBuilder(haproxy(), "-db", "-f", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("haproxy.log").toFile())
            .start();
    awaitReady(balancer() + "/health/ready");
  }

  /** Debian's HAProxy binary. */
  static String haproxy() {
    for (String candidate : List.of("/usr/sbin/haproxy", "/usr/bin/haproxy")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "HAProxy is needed for the cluster tests: install Debian's package haproxy (.ci/run does),"
            + " or skip them with -Droster.cluster.skip=true");
  }

  @Override
  public void close() {
    if (balancer != null) {
      balancer.destroy();
    }
    stopServers();
  }

  private static String name(int n) {
    return "roster-c" + (n + 1);
  }

  /** The test server's environment with this server's ports and the cluster's database. */
  private String environment(String template, int n) {
    Map<String, String> overrides =
        Map.of(
            "HTTP_PORT", Integer.toString(ports[n]),
            "HTTPS_PORT", Integer.toString(ports[n] + 400),
            "DB_HOST", "localhost",
            "DB_NAME", DATABASE,
            "ROSTER_DATA_DIR", work.resolve(name(n)).toString(),
            "ROSTER_PUBLIC_URL", balancer());
    StringBuilder env = new StringBuilder();
    for (String line : template.split("\n")) {
      String key = line.contains("=") ? line.substring(0, line.indexOf('=')) : "";
      if (!overrides.containsKey(key)) {
        env.append(line).append('\n');
      }
    }
    overrides.forEach((key, value) -> env.append(key).append('=').append(value).append('\n'));
    return env.toString();
  }

  private void command(String action, String server) {
    try {
      Process process =
          new ProcessBuilder(wlp.resolve("bin/server").toString(), action, server)
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int code = process.waitFor();
      // "server stop" of a server that is not running answers 1
      if (code != 0 && !(action.equals("stop") && code == 1)) {
        throw new IllegalStateException("server " + action + " " + server + ": " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void awaitReady(String url) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(START);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          return;
        }
        last = answer.statusCode() + " " + answer.body();
      } catch (IOException notYet) {
        last = notYet.toString();
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(url + " not ready after " + START + ": " + last);
  }

  private static void delete(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
        Path relative = from.relativize(file);
        if (relative.getNameCount() > 0 && NOT_COPIED.contains(relative.getName(0).toString())) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
