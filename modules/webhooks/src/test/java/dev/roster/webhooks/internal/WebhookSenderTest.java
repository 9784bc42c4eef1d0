package dev.roster.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP side of a delivery, against a receiver on this machine. */
class WebhookSenderTest {

  private static HttpServer receiver;
  private static final AtomicInteger REACHED = new AtomicInteger();
  private static ScheduledExecutorService timer;

  @BeforeAll
  static void start() throws Exception {
    timer = Executors.newSingleThreadScheduledExecutor();
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/ok",
        exchange -> {
          REACHED.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          byte[] big = "x\u0000y".repeat(2000).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, big.length);
          exchange.getResponseBody().write(big);
          exchange.close();
        });
    receiver.createContext(
        "/moved",
        exchange -> {
          REACHED.incrementAndGet();
          exchange.getResponseHeaders().add("Location", url("/ok"));
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    receiver.createContext(
        "/slow",
        exchange -> {
          REACHED.incrementAndGet();
          try {
            Thread.sleep(3_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.setExecutor(Executors.newCachedThreadPool());
    receiver.start();
  }

  @AfterAll
  static void stop() {
    receiver.stop(0);
    timer.shutdownNow();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
  }

  private static WebhookSender sender(String allowPrivate) {
    return new WebhookSender(new Destinations(true, allowPrivate), Duration.ofMillis(800), timer);
  }

  @Test
  void keepsAtMostOneKibibyteOfTheAnswerWithoutControlCharacters() throws Exception {
    try (WebhookSender sender = sender("127.0.0.1/32")) {
      WebhookSender.Outcome outcome = sender.send(url("/ok"), "evt", 1L, "v1,x", "{}");
      assertTrue(outcome.succeeded(), outcome.toString());
      assertEquals(200, outcome.status());
      assertTrue(outcome.body().length() <= WebhookSender.KEPT_BYTES);
      assertFalse(outcome.body().contains("\u0000"));
    }
  }

  @Test
  void aNameThatResolvesToARefusedAddressIsNeverReached() throws Exception {
    int before = REACHED.get();
    try (WebhookSender sender = sender("false")) {
      String viaName = url("/ok").replace("127.0.0.1", "localhost");
      WebhookSender.Outcome outcome = sender.send(viaName, "evt", 1L, "v1,x", "{}");
      assertFalse(outcome.succeeded());
      assertNull(outcome.status());
      assertTrue(outcome.error().startsWith("destination not allowed"), outcome.error());
      WebhookSender.Outcome literal = sender.send(url("/ok"), "evt", 1L, "v1,x", "{}");
      assertTrue(literal.error().startsWith("destination not allowed"), literal.error());
    }
    assertEquals(before, REACHED.get());
  }

  @Test
  void redirectsAreNotFollowed() throws Exception {
    try (WebhookSender sender = sender("127.0.0.1/32")) {
      int before = REACHED.get();
      WebhookSender.Outcome outcome = sender.send(url("/moved"), "evt", 1L, "v1,x", "{}");
      assertFalse(outcome.succeeded());
      assertEquals(302, outcome.status());
      assertEquals(before + 1, REACHED.get());
    }
  }

  @Test
  void aSlowReceiverTimesOut() throws Exception {
    try (WebhookSender sender = sender("127.0.0.1/32")) {
      WebhookSender.Outcome outcome = sender.send(url("/slow"), "evt", 1L, "v1,x", "{}");
      assertFalse(outcome.succeeded());
      assertNull(outcome.status());
      assertTrue(outcome.durationMs() < 2_500, "cut off: " + outcome.durationMs());
    }
  }
}
