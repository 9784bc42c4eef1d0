package dev.roster.kernel;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What every log line written while a request runs carries, besides its message: the request id,
 * and once known the route and the organisation. Liberty adds them to each JSON log line as {@code
 * ext_requestId}, {@code ext_route} and {@code ext_org} (README "Logs"); with {@code
 * ROSTER_REQUEST_LOG=true} one line per request sums it up ({@code
 * dev.roster.kernel.internal.RequestLogFilter}).
 */
public final class RequestLog {

  /** The request attribute holding the request's id. */
  public static final String REQUEST_ID_ATTRIBUTE = RequestLog.class.getName() + ".id";

  /** The header a client may send its own request id in; every answer carries the one used. */
  public static final String REQUEST_ID_HEADER = "X-Request-Id";

  /** A client's request id is taken when it is this plain: nothing that could forge a log line. */
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  private RequestLog() {}

  /** The request's id: the client's when it is sane, else a new one; the same on every call. */
  public static String requestId(HttpServletRequest request) {
    if (request.getAttribute(REQUEST_ID_ATTRIBUTE) instanceof String id) {
      return id;
    }
    String id = request.getHeader(REQUEST_ID_HEADER);
    if (id == null || !SANE_ID.matcher(id).matches()) {
      id = UUID.randomUUID().toString();
    }
    request.setAttribute(REQUEST_ID_ATTRIBUTE, id);
    return id;
  }

  /** Tags the running request's log lines with the organisation it acts in. */
  public static void organisation(String slug) {
    LogRecordContext.addExtension("org", slug);
  }

  /** Tags the running request's log lines with the route (path template) it was matched to. */
  public static void route(String template) {
    LogRecordContext.addExtension("route", template);
  }
}
