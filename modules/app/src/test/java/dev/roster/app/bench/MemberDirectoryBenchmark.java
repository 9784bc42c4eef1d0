package dev.roster.app.bench;

import static io.restassured.RestAssured.given;

import dev.roster.app.TestDatabase;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * How fast the member directory answers in an organisation of 100,000 members ({@code
 * -Dbench.members=N}). Not a test: it measures and reports, with {@code ./mvnw verify -Pbench}, to
 * the console and {@code target/bench/member-directory.txt}.
 */
class MemberDirectoryBenchmark {

  private static final String BASE = Bench.BASE;
  private static final int ROUNDS = 30;

  @Test
  void directoryPagesStayFastWithManyMembers() throws Exception {
    int size = Integer.getInteger("bench.members", 100_000);
    String admin = Bench.adminToken();
    String slug = "bench-dir-" + UUID.randomUUID().toString().substring(0, 8);
    Bench.provision(admin, slug, slug + "@example.com");
    long began = System.nanoTime();
    try (Connection db = TestDatabase.connect()) {
      String schema = TestDatabase.schemaOf(db, slug);
      Bench.seedMembers(db, schema, size);
    }
    StringBuilder report =
        new StringBuilder(
            String.format(
                "Member directory, %d members (inserted in %.1f s); median and 90th percentile of %d requests%n",
                size + 1, (System.nanoTime() - began) / 1e9, ROUNDS));
    String path = "/api/v1/orgs/" + slug + "/members";
    String deepCursor = cursorAfterPages(admin, path, 20);
    report.append(line("first page, 50 by name", admin, path, r -> r));
    report.append(line("page 21, by cursor", admin, path, r -> r.queryParam("cursor", deepCursor)));
    report.append(line("role=viewer", admin, path, r -> r.queryParam("role", "viewer")));
    report.append(line("status=inactive", admin, path, r -> r.queryParam("status", "inactive")));
    report.append(line("search q=person4242", admin, path, r -> r.queryParam("q", "person4242")));
    report.append(line("search q=a1b2 (name)", admin, path, r -> r.queryParam("q", "a1b2")));
    report.append(line("summary", admin, path + "/summary", r -> r));
    Bench.report("member-directory.txt", report.toString());
  }

  private static String cursorAfterPages(String token, String path, int pages) {
    String cursor = null;
    for (int i = 0; i < pages; i++) {
      RequestSpecification request =
          given().baseUri(BASE).header("Authorization", "Bearer " + token);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      cursor = request.get(path).then().statusCode(200).extract().path("next");
    }
    return cursor;
  }

  private static String line(
      String label, String token, String path, UnaryOperator<RequestSpecification> query) {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < ROUNDS + 3; i++) {
      long began = System.nanoTime();
      int status =
          query
              .apply(given().baseUri(BASE).header("Authorization", "Bearer " + token))
              .get(path)
              .statusCode();
      if (status != 200) {
        throw new IllegalStateException(label + " answered " + status);
      }
      if (i >= 3) {
        millis.add((System.nanoTime() - began) / 1e6);
      }
    }
    Collections.sort(millis);
    return String.format(
        "  %-28s %7.1f ms  %7.1f ms%n",
        label, millis.get(ROUNDS / 2), millis.get((int) (ROUNDS * 0.9)));
  }
}
