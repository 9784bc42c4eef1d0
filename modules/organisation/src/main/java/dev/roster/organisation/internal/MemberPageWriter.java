package dev.roster.organisation.internal;

import dev.roster.kernel.Page;
import dev.roster.organisation.MemberView;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes the member directory's page ({@code Page<MemberView>}) with a JSON-P generator, property
 * by property, in the order and form JSON-B gives it ({@code JsonbConfiguration}: properties in
 * lexicographic order, nulls written). The directory is the API's busiest read: JSON-B's binding
 * took a sixth of each request's processor time there, much of it hashing the whole page, then each
 * member, for its recursion check (README, Benchmarks). {@code MemberPageWriterTest} holds this
 * writer's output to JSON-B's, byte for byte.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class MemberPageWriter implements MessageBodyWriter<Page<MemberView>> {

  private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

  /** For attribute values of a kind this writer does not know: JSON-B writes them. */
  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == Page.class
        && genericType instanceof ParameterizedType page
        && page.getActualTypeArguments()[0] == MemberView.class;
  }

  @Override
  public void writeTo(
      Page<MemberView> page,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> headers,
      OutputStream entity)
      throws IOException {
    // closing the generator hands its buffer back; the entity stream stays open for the container
    try (JsonGenerator json =
        GENERATORS.createGenerator(new Unclosed(entity), StandardCharsets.UTF_8)) {
      write(page, json);
    }
  }

  /** The entity stream, which the generator flushes but must not close. */
  private static final class Unclosed extends FilterOutputStream {

    Unclosed(OutputStream entity) {
      super(entity);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  /** The page as JSON-B writes it. */
  static void write(Page<MemberView> page, JsonGenerator json) {
    json.writeStartObject();
    json.writeStartArray("items");
    for (MemberView member : page.items()) {
      member(member, json);
    }
    json.writeEnd();
    text(json, "next", page.next());
    json.writeEnd();
  }

  private static void member(MemberView m, JsonGenerator json) {
    json.writeStartObject();
    text(json, "accountId", m.accountId());
    values(json, "attributes", m.attributes());
    text(json, "email", m.email());
    text(json, "firstName", m.firstName());
    text(json, "id", m.id());
    instant(json, "joinedAt", m.joinedAt());
    text(json, "joinedVia", m.joinedVia());
    instant(json, "lastActiveAt", m.lastActiveAt());
    text(json, "lastName", m.lastName());
    text(json, "name", m.name());
    text(json, "role", m.role());
    json.write("self", m.self());
    text(json, "status", m.status());
    json.write("subscriber", m.subscriber());
    json.write("subscriberAdmin", m.subscriberAdmin());
    teams(json, m.teams());
    json.write("twoFactor", m.twoFactor());
    json.writeEnd();
  }

  private static void teams(JsonGenerator json, List<MemberView.TeamRef> teams) {
    if (teams == null) {
      json.writeNull("teams");
      return;
    }
    json.writeStartArray("teams");
    for (MemberView.TeamRef team : teams) {
      json.writeStartObject();
      text(json, "id", team.id());
      text(json, "name", team.name());
      text(json, "role", team.role());
      json.writeEnd();
    }
    json.writeEnd();
  }

  /** Attribute values: strings, numbers and booleans (AttributesService), in the map's order. */
  private static void values(JsonGenerator json, String name, Map<String, Object> values) {
    if (values == null) {
      json.writeNull(name);
      return;
    }
    json.writeStartObject(name);
    values.forEach((key, value) -> value(json, key, value));
    json.writeEnd();
  }

  private static void value(JsonGenerator json, String name, Object value) {
    if (value == null) {
      json.writeNull(name);
    } else if (value instanceof String s) {
      json.write(name, s);
    } else if (value instanceof Boolean b) {
      json.write(name, b);
    } else if (value instanceof BigDecimal d) {
      json.write(name, d);
    } else if (value instanceof BigInteger i) {
      json.write(name, i);
    } else if (value instanceof Integer || value instanceof Long) {
      json.write(name, ((Number) value).longValue());
    } else {
      try (var reader = Json.createReader(new StringReader(JSONB.toJson(value)))) {
        json.write(name, reader.readValue());
      }
    }
  }

  /** A string or a UUID as JSON-B writes it: its {@code toString}, or null. */
  private static void text(JsonGenerator json, String name, Object value) {
    if (value == null) {
      json.writeNull(name);
    } else {
      json.write(name, value.toString());
    }
  }

  /** An instant as JSON-B writes it: its ISO-8601 form (ISO_INSTANT), or null. */
  private static void instant(JsonGenerator json, String name, java.time.Instant value) {
    if (value == null) {
      json.writeNull(name);
    } else {
      json.write(name, IsoInstant.format(value));
    }
  }
}
