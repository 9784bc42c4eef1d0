package dev.roster.kernel.internal;

import dev.roster.kernel.Problems;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Looks at a JSON body before it is bound, with a streaming parser: a body nested deeper than
 * {@link #MAX_DEPTH} is refused (400 {@code bad-request}) before a binder recurses into it, and a
 * string holding U+0000 (which PostgreSQL cannot store in text) is refused as a 400 validation
 * problem naming the field, e.g. {@code teams[0].role}. Bodies are at most 1 MiB by then
 * (BodyLimitFilter), so reading one twice costs little.
 */
@Provider
public class JsonBodyCheck implements ReaderInterceptor {

  /** Deepest nesting of objects and arrays any operation takes. */
  static final int MAX_DEPTH = 32;

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context)
      throws IOException, WebApplicationException {
    MediaType type = context.getMediaType();
    if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      return context.proceed();
    }
    byte[] body = context.getInputStream().readAllBytes();
    check(body);
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  /** Refuses the body when it nests too deep or a string in it holds U+0000. */
  static void check(byte[] body) {
    if (body.length == 0) {
      return;
    }
    Deque<Object> path = new ArrayDeque<>();
    try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        switch (event) {
          case START_OBJECT, START_ARRAY -> {
            advance(path);
            if (path.size() >= MAX_DEPTH) {
              throw Problems.badRequest(
                  "The body nests objects and arrays more than " + MAX_DEPTH + " deep.");
            }
            path.push(event == JsonParser.Event.START_ARRAY ? -1 : "");
          }
          case END_OBJECT, END_ARRAY -> path.pop();
          case KEY_NAME -> {
            path.pop();
            path.push(parser.getString());
          }
          case VALUE_STRING -> {
            advance(path);
            if (parser.getString().indexOf('\0') >= 0) {
              String field = field(path);
              throw Problems.invalidField(
                  field.isEmpty() ? "body" : field, "must not contain the character U+0000");
            }
          }
          default -> advance(path);
        }
      }
    } catch (JsonParsingException | java.util.NoSuchElementException e) {
      // not JSON: the binder answers that, as it always has
    }
  }

  /** A value in an array moves its index on. */
  private static void advance(Deque<Object> path) {
    if (!path.isEmpty() && path.peek() instanceof Integer index) {
      path.pop();
      path.push(index + 1);
    }
  }

  private static String field(Deque<Object> path) {
    StringBuilder field = new StringBuilder();
    var items = new java.util.ArrayList<>(path);
    java.util.Collections.reverse(items);
    for (Object step : items) {
      if (step instanceof Integer index) {
        field.append('[').append(index).append(']');
      } else if (!step.toString().isEmpty()) {
        if (field.length() > 0) {
          field.append('.');
        }
        field.append(step);
      }
    }
    return field.toString();
  }
}
