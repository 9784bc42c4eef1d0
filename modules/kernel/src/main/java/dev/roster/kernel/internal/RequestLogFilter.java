package dev.roster.kernel.internal;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import dev.roster.kernel.RequestLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The first filter of every request: gives it its id (echoed in {@code X-Request-Id}) and tags
 * every log line written while it runs with that id ({@link RequestLog}). With {@code
 * ROSTER_REQUEST_LOG=true} it writes one line per request when the answer is done, on the logger
 * {@code dev.roster.requests}: method, route template (never the raw path, which may hold a token
 * from an emailed link), status and duration, with the organisation when the request acted in one.
 * Query strings and bodies are never logged.
 */
public class RequestLogFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger REQUESTS = Logger.getLogger("dev.roster.requests");
  private static final String[] KEYS = {"requestId", "route", "org", "method", "status", "ms"};

  private boolean enabled;

  @Override
  public void init() {
    enabled =
        ConfigProvider.getConfig()
            .getOptionalValue("ROSTER_REQUEST_LOG", Boolean.class)
            .orElse(false);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long began = System.nanoTime();
    String id = RequestLog.requestId(request);
    response.setHeader(RequestLog.REQUEST_ID_HEADER, id);
    LogRecordContext.addExtension("requestId", id);
    try {
      chain.doFilter(request, response);
    } finally {
      try {
        if (enabled) {
          log(request, response, began);
        }
      } finally {
        for (String key : KEYS) {
          LogRecordContext.removeExtension(key);
        }
      }
    }
  }

  private static void log(HttpServletRequest request, HttpServletResponse response, long began) {
    Map<String, String> fields = new HashMap<>();
    LogRecordContext.getExtensions(fields);
    String route = fields.getOrDefault("route", "(unmatched)");
    long ms = (System.nanoTime() - began) / 1_000_000;
    int status = response.getStatus();
    LogRecordContext.addExtension("method", request.getMethod());
    LogRecordContext.addExtension("status", Integer.toString(status));
    LogRecordContext.addExtension("ms", Long.toString(ms));
    LogRecord line =
        new LogRecord(
            Level.INFO,
            request.getMethod()
                + " "
                + route
                + " "
                + status
                + " "
                + ms
                + " ms"
                + (fields.containsKey("org") ? " org " + fields.get("org") : ""));
    line.setLoggerName(REQUESTS.getName());
    REQUESTS.log(line);
  }
}
