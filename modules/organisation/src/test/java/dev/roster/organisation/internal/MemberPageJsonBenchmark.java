package dev.roster.organisation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roster.kernel.Page;
import dev.roster.organisation.MemberView;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Writing the member directory's page, JSON-B against {@link MemberPageWriter}, in the same JVM and
 * run, alternating: a page of 100 members as the write benchmark's directory holds them (a tenth in
 * a team, no attribute values). Not a test: it measures and reports, with {@code ./mvnw verify
 * -Pbench} (or {@code ./mvnw test -pl modules/organisation -Dtest=MemberPageJsonBenchmark}), to the
 * console and {@code target/bench/member-page-json.txt}; {@code -Dbench.requests=N} pages per round
 * (default 5000), six rounds each way. It checks that both write the same bytes.
 */
class MemberPageJsonBenchmark {

  private static final int PAGES = Integer.getInteger("bench.requests", 5000);
  private static final int ROUNDS = 6;

  @SuppressWarnings("unused")
  private static Page<MemberView> page;

  @Test
  void theMemberPageWrittenByJsonbAndByItsWriter() throws Exception {
    Type type = MemberPageJsonBenchmark.class.getDeclaredField("page").getGenericType();
    Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true));
    MemberPageWriter writer = new MemberPageWriter();
    Page<MemberView> directory = directory();
    Writing byJsonb = out -> jsonb.toJson(directory, type, out);
    Writing byWriter =
        out ->
            writer.writeTo(
                directory, Page.class, type, null, MediaType.APPLICATION_JSON_TYPE, null, out);
    String expected = written(byJsonb);
    assertEquals(expected, written(byWriter));

    StringBuilder report =
        new StringBuilder(
            String.format(
                "The member page (100 members, %d bytes) written %d times a round, ms per page%n"
                    + "  round    JSON-B    writer%n",
                expected.getBytes(StandardCharsets.UTF_8).length, PAGES));
    for (int round = 1; round <= ROUNDS; round++) {
      report.append(
          String.format("  %5d  %8.3f  %8.3f%n", round, perPage(byJsonb), perPage(byWriter)));
    }
    System.out.print(report);
    Path out = Path.of("target/bench/member-page-json.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
  }

  @FunctionalInterface
  private interface Writing {
    void to(ByteArrayOutputStream out) throws IOException;
  }

  private static String written(Writing writing) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writing.to(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static double perPage(Writing writing) throws IOException {
    long began = System.nanoTime();
    for (int i = 0; i < PAGES; i++) {
      writing.to(new ByteArrayOutputStream(32_768));
    }
    return (System.nanoTime() - began) / 1e6 / PAGES;
  }

  private static Page<MemberView> directory() {
    Instant joined = Instant.parse("2026-11-02T10:15:30.123456Z");
    List<MemberView> members = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      List<MemberView.TeamRef> teams =
          i % 10 == 0
              ? List.of(new MemberView.TeamRef(UUID.randomUUID(), "Team " + i % 5, "member"))
              : List.of();
      members.add(
          new MemberView(
              UUID.randomUUID(),
              UUID.randomUUID(),
              "Member " + i,
              "member-" + i + "@example.com",
              "member",
              "active",
              teams,
              joined.plusSeconds(i),
              "invitation",
              i % 2 == 0 ? joined.plusSeconds(3600L + i) : null,
              false,
              false,
              null,
              null,
              false,
              false,
              Map.of()));
    }
    return new Page<>(members, "eyJuIjoibWVtYmVyIDk5In0");
  }
}
