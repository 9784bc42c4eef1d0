package dev.roster.app.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A webhook receiver on 127.0.0.1, started once for the test run: it keeps every request per path
 * and answers 204, or the statuses a test queued for its path.
 */
final class Receiver {

  /** How long a test waits for a message. */
  static final Duration PATIENCE = Duration.ofSeconds(30);

  /**
   * A request the receiver got.
   *
   * @param headers its headers, names in lower case
   * @param body its body
   */
  record Received(Map<String, List<String>> headers, String body) {

    String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    JsonPath json() {
      return new JsonPath(body);
    }
  }

  private static Receiver running;

  private final HttpServer server;
  private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
  private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();

  private Receiver(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  /** The receiver of this run. */
  static synchronized Receiver get() {
    if (running == null) {
      running = new Receiver(0);
    }
    return running;
  }

  /** A receiver on {@code port}, for a test that brings one up where nothing listened. */
  static Receiver on(int port) {
    return new Receiver(port);
  }

  void stop() {
    server.stop(0);
  }

  /** A path of its own for a test. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Answers the next requests to {@code path} with these statuses, then 204 again. */
  void answer(String path, Integer... statuses) {
    answers.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(statuses));
  }

  /** Forgets the statuses still queued for {@code path}: it answers 204 again. */
  void heal(String path) {
    answers.remove(path);
  }

  /** What {@code path} received so far. */
  List<Received> at(String path) {
    synchronized (received) {
      return List.copyOf(received.getOrDefault(path, List.of()));
    }
  }

  /** Waits until {@code path} received a message that {@code match} accepts, and returns it. */
  Received await(String path, Predicate<Received> match) {
    List<Received> found = new ArrayList<>();
    org.awaitility.Awaitility.await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              found.clear();
              at(path).stream().filter(match).forEach(found::add);
              return !found.isEmpty();
            });
    return found.get(0);
  }

  /** Waits for a message of {@code type} at {@code path}. */
  Received awaitType(String path, String type) {
    return await(path, r -> type.equals(r.json().getString("type")));
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Map<String, List<String>> headers = new ConcurrentHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Deque<Integer> queued = answers.get(path);
    Integer status = queued == null ? null : queued.poll();
    synchronized (received) {
      received.computeIfAbsent(path, p -> new ArrayList<>()).add(new Received(headers, body));
    }
    exchange.sendResponseHeaders(status == null ? 204 : status, -1);
    exchange.close();
  }
}
