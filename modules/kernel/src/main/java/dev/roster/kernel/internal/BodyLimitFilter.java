package dev.roster.kernel.internal;

import dev.roster.kernel.ProblemException;
import dev.roster.kernel.ServletProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Refuses a request body larger than its operation takes, before anything reads or binds it (413
 * problem+json, type {@code payload-too-large}): 2 MiB for a profile picture, 4 MiB for a CSV file,
 * 1 MiB for anything else (JSON). A declared Content-Length is judged at once; a body sent without
 * one (chunked) is read up to the limit, and one byte more refuses it, so no more than the limit is
 * ever held.
 */
public class BodyLimitFilter extends HttpFilter {

  /** Largest JSON (or other) body. */
  public static final int JSON_BYTES = 1024 * 1024;

  /** Largest CSV body. */
  public static final int CSV_BYTES = 4 * 1024 * 1024;

  /** Largest profile picture or organisation logo. */
  public static final int PICTURE_BYTES = 2 * 1024 * 1024;

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long declared = request.getContentLengthLong();
    boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    if (declared <= 0 && !chunked) {
      chain.doFilter(request, response);
      return;
    }
    int limit = limitOf(request);
    if (declared > limit) {
      refuse(response, limit);
      return;
    }
    if (declared >= 0 && !chunked) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(limit + 1);
    if (body.length > limit) {
      refuse(response, limit);
      return;
    }
    chain.doFilter(new Buffered(request, body), response);
  }

  static int limitOf(HttpServletRequest request) {
    String path = request.getRequestURI();
    if (path != null && (path.endsWith("/me/picture") || path.endsWith("/branding/logo"))) {
      return PICTURE_BYTES;
    }
    String type = request.getContentType();
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
      return CSV_BYTES;
    }
    return JSON_BYTES;
  }

  private static void refuse(HttpServletResponse response, int limit) throws IOException {
    // the unread body is not drained: the connection closes after the answer
    response.setHeader("Connection", "close");
    ServletProblems.write(
        response,
        new ProblemException(
                413,
                "payload-too-large",
                "Request body too large",
                "This operation takes a body of at most " + (limit / 1024) + " KiB.")
            .problem());
  }

  /** The request with its body read already. */
  private static final class Buffered extends HttpServletRequestWrapper {
    private final byte[] body;

    Buffered(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the body was read already");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }
}
