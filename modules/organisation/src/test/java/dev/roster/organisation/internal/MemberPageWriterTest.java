package dev.roster.organisation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.kernel.Page;
import dev.roster.organisation.MemberView;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The member page's writer answers what JSON-B, configured as the API configures it (nulls
 * written), answers for the same page, byte for byte: the same properties in the same order, the
 * same escapes, the same forms of instants and numbers.
 */
class MemberPageWriterTest {

  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

  /** The type the directory's resource method declares. */
  private static final Type PAGE = declared("page");

  @SuppressWarnings("unused")
  private static Page<MemberView> page;

  private static Type declared(String field) {
    try {
      return MemberPageWriterTest.class.getDeclaredField(field).getGenericType();
    } catch (NoSuchFieldException e) {
      throw new AssertionError(e);
    }
  }

  private static MemberView member(
      String name,
      String email,
      List<MemberView.TeamRef> teams,
      Instant lastActive,
      String firstName,
      Map<String, Object> attributes) {
    return new MemberView(
        UUID.randomUUID(),
        UUID.randomUUID(),
        name,
        email,
        "member",
        "active",
        teams,
        Instant.parse("2026-01-02T03:04:05.123456789Z"),
        "invitation",
        lastActive,
        true,
        false,
        firstName,
        null,
        false,
        true,
        attributes);
  }

  private static String written(Page<MemberView> page) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new MemberPageWriter()
        .writeTo(page, Page.class, PAGE, null, MediaType.APPLICATION_JSON_TYPE, null, bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesWhatJsonbWritesForEveryFormOfAMember() throws IOException {
    Map<String, Object> attributes = new TreeMap<>();
    attributes.put("band", "B2");
    attributes.put("cost", new BigDecimal("1234.5600"));
    attributes.put("large", new BigDecimal("1E+30"));
    attributes.put("remote", Boolean.TRUE);
    attributes.put("start", "2026-03-01");
    attributes.put("unset", null);
    List<MemberView> members = new ArrayList<>();
    members.add(
        member(
            "Ann \"the\" Admin \\ </script>",
            "ann@example.com",
            List.of(
                new MemberView.TeamRef(UUID.randomUUID(), "Core", "owner"),
                new MemberView.TeamRef(UUID.randomUUID(), "Zürich ✓ 😀", "member")),
            Instant.parse("2026-11-30T00:00:00Z"),
            "Ann",
            attributes));
    members.add(
        member("Bob\u0000\u001f\t\n\r\u2028", "bob@example.com", List.of(), null, null, Map.of()));
    members.add(member("Cy", "cy@example.com", null, Instant.EPOCH, "", null));
    Map<String, Object> other = new LinkedHashMap<>();
    other.put("z", 3L);
    other.put("a", List.of("x", 1));
    other.put("m", 2.5d);
    members.add(member("Di", "di@example.com", List.of(), null, "Di", other));

    for (String next : new String[] {null, "eyJrIjoibmFtZSJ9"}) {
      Page<MemberView> page = new Page<>(members, next);
      assertEquals(JSONB.toJson(page, PAGE), written(page));
    }
    Page<MemberView> empty = new Page<>(List.of(), null);
    assertEquals(JSONB.toJson(empty, PAGE), written(empty));
  }

  @Test
  void takesTheMemberPageOnly() {
    MemberPageWriter writer = new MemberPageWriter();
    MediaType json = MediaType.APPLICATION_JSON_TYPE;
    assertTrue(writer.isWriteable(Page.class, PAGE, null, json));
    assertFalse(writer.isWriteable(Page.class, Page.class, null, json));
    assertFalse(writer.isWriteable(Page.class, declared("others"), null, json));
    assertFalse(writer.isWriteable(MemberView.class, MemberView.class, null, json));
  }

  @SuppressWarnings("unused")
  private static Page<String> others;

  @Test
  void leavesTheEntityStreamOpen() throws IOException {
    boolean[] closed = {false};
    ByteArrayOutputStream entity =
        new ByteArrayOutputStream() {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    new MemberPageWriter()
        .writeTo(
            new Page<>(List.of(), null),
            Page.class,
            PAGE,
            null,
            MediaType.APPLICATION_JSON_TYPE,
            null,
            entity);
    assertFalse(closed[0]);
    assertEquals("{\"items\":[],\"next\":null}", entity.toString(StandardCharsets.UTF_8));
  }
}
