package dev.roster.app.bench;

import static io.restassured.RestAssured.given;

import dev.roster.app.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How long a 10,000-row bulk invitation takes ({@code -Dbench.rows=N}): the dry run, the import,
 * and the outbox draining the emails (the test server sends to a port where nothing listens unless
 * the SMTP server runs, so only the import and dry run are timed end to end). Not a test: it
 * measures and reports to the console and {@code target/bench/bulk-invitations.txt}.
 */
class BulkInvitationBenchmark {

  @Test
  void tenThousandRows() throws Exception {
    int rows = Integer.getInteger("bench.rows", 10_000);
    String admin = Bench.adminToken();
    String slug = "bench-bulk-" + UUID.randomUUID().toString().substring(0, 8);
    Bench.provision(admin, slug, slug + "@example.com");
    StringBuilder csv = new StringBuilder("email,role,teams\n");
    for (int i = 0; i < rows; i++) {
      csv.append("bulk").append(i).append('-').append(slug).append("@example.com,member,\n");
    }
    byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
    String path = "/api/v1/orgs/" + slug + "/invitations/bulk";
    long began = System.nanoTime();
    int checked = upload(admin, path, file, true);
    double dryRun = (System.nanoTime() - began) / 1e9;
    began = System.nanoTime();
    int invited = upload(admin, path, file, false);
    double importing = (System.nanoTime() - began) / 1e9;
    int queued;
    try (Connection db = TestDatabase.connect();
        ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "select count(*) from platform.mail_outbox where recipient like '%-"
                        + slug
                        + "@example.com'")) {
      rs.next();
      queued = rs.getInt(1);
      // the bench's emails go nowhere: left queued, a later test run on the same data would wait
      // behind ten thousand of them for its own
      db.createStatement()
          .execute(
              "delete from platform.mail_outbox where status = 'pending' and recipient like '%-"
                  + slug
                  + "@example.com'");
    }
    String report =
        String.format(
            "Bulk invitation, %d rows (%d KiB)%n"
                + "  dry run: %.1f s, %d rows would be invited%n"
                + "  import:  %.1f s, %d invited, %d emails queued in the outbox%n",
            rows, file.length / 1024, dryRun, checked, importing, invited, queued);
    Bench.report("bulk-invitations.txt", report);
  }

  private static int upload(String token, String path, byte[] file, boolean dryRun) {
    return given()
        .baseUri(Bench.BASE)
        .header("Authorization", "Bearer " + token)
        .contentType("text/csv")
        .queryParam("dryRun", dryRun)
        .body(file)
        .post(path)
        .then()
        .statusCode(200)
        .extract()
        .path("accepted");
  }
}
