package dev.roster.webhooks.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts one signed message (Apache HttpClient): every address the host resolves to must be allowed
 * ({@link Destinations}) and the connection goes to those only; redirects are not followed; connect
 * and read timeouts, and a deadline for the whole exchange; at most 1 KiB of the answer is read and
 * kept.
 */
final class WebhookSender implements AutoCloseable {

  /** The most of an answer that is read and kept. */
  static final int KEPT_BYTES = 1024;

  /** Why nothing was sent: the host resolves to an address the operator does not allow. */
  static final class RefusedDestination extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    RefusedDestination(String host, InetAddress address) {
      super(
          "destination not allowed: "
              + host
              + " resolves to "
              + address.getHostAddress()
              + ", a loopback, private, link-local or internal address");
    }
  }

  /**
   * What an attempt came to.
   *
   * @param succeeded whether the endpoint answered 2xx
   * @param status the HTTP status, or null without an answer
   * @param durationMs how long it took
   * @param error why it failed, or null
   * @param body up to 1 KiB of the answer, or null
   */
  record Outcome(boolean succeeded, Integer status, long durationMs, String error, String body) {}

  private final CloseableHttpClient client;
  private final ScheduledExecutorService timer;
  private final Duration timeout;

  WebhookSender(Destinations destinations, Duration timeout, ScheduledExecutorService timer) {
    this.timer = timer;
    this.timeout = timeout;
    DnsResolver checked =
        new DnsResolver() {
          @Override
          public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] all = SystemDefaultDnsResolver.INSTANCE.resolve(host);
            for (InetAddress address : all) {
              if (!destinations.allowed(address)) {
                throw new RefusedDestination(host, address);
              }
            }
            return all;
          }

          @Override
          public List<InetSocketAddress> resolve(String host, int port)
              throws UnknownHostException {
            List<InetSocketAddress> addresses = new ArrayList<>();
            for (InetAddress address : resolve(host)) {
              addresses.add(new InetSocketAddress(address, port));
            }
            return addresses;
          }

          @Override
          public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
          }
        };
    Timeout limit = Timeout.of(timeout);
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(checked)
                    .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(limit).build())
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(limit)
                            .setSocketTimeout(limit)
                            .setTimeToLive(Timeout.ofMinutes(5))
                            .build())
                    .setMaxConnTotal(64)
                    .setMaxConnPerRoute(4)
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setRedirectsEnabled(false)
                    .setResponseTimeout(limit)
                    .setConnectionRequestTimeout(limit)
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .setUserAgent("Roster-Webhooks/1")
            .build();
  }

  /** Posts {@code body} to {@code url} with the Standard Webhooks headers. */
  Outcome send(String url, String id, long timestamp, String signature, String body) {
    long start = System.nanoTime();
    HttpPost post;
    try {
      post = new HttpPost(url);
    } catch (IllegalArgumentException e) {
      return new Outcome(false, null, 0, "not a URL: " + e.getMessage(), null);
    }
    post.setHeader("webhook-id", id);
    post.setHeader("webhook-timestamp", Long.toString(timestamp));
    post.setHeader("webhook-signature", signature);
    post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
    // a receiver that trickles its answer is cut off at twice the timeout, whatever it sends
    ScheduledFuture<?> deadline =
        timer.schedule(() -> post.cancel(), timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
    try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
      int status = response.getCode();
      String kept = read(response.getEntity());
      boolean ok = status >= 200 && status < 300;
      return new Outcome(ok, status, millisSince(start), ok ? null : "answered " + status, kept);
    } catch (IOException | RuntimeException e) {
      String why =
          post.isCancelled()
              ? "no complete answer within " + timeout.multipliedBy(2).toSeconds() + " s"
              : describe(e);
      return new Outcome(false, null, millisSince(start), clean(why), null);
    } finally {
      deadline.cancel(false);
    }
  }

  private static String describe(Throwable e) {
    if (e instanceof RefusedDestination) {
      return e.getMessage();
    }
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    return e.getClass().getSimpleName() + message;
  }

  private static String read(HttpEntity entity) throws IOException {
    if (entity == null) {
      return null;
    }
    try (InputStream in = entity.getContent()) {
      byte[] kept = in.readNBytes(KEPT_BYTES);
      return kept.length == 0 ? null : clean(new String(kept, StandardCharsets.UTF_8));
    }
  }

  /** Text the database can keep: no NUL or other control characters but line breaks and tabs. */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .filter(c -> c == '\n' || c == '\r' || c == '\t' || !Character.isISOControl(c))
        .forEach(out::appendCodePoint);
    return out.length() > KEPT_BYTES ? out.substring(0, KEPT_BYTES) : out.toString();
  }

  private static long millisSince(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
