package dev.roster.app.bench;

import dev.roster.app.TestDatabase;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * How fast the audit CSV export streams a million events ({@code -Dbench.events=N}), against
 * PostgreSQL's own {@code COPY ... TO STDOUT (FORMAT csv)} of the same rows and columns, run here
 * too. Both outputs are counted and dropped as they arrive, so neither side can buffer the file.
 * Not a test: it measures and reports to the console and {@code target/bench/audit-export.txt}.
 */
class AuditExportBenchmark {

  private static final String FROM = "2025-01-01T00:00:00Z";
  private static final String TO = "2025-12-31T00:00:00Z";

  @Test
  void aMillionEvents() throws Exception {
    int events = Integer.getInteger("bench.events", 1_000_000);
    String admin = Bench.adminToken();
    String slug = "bench-audit-" + UUID.randomUUID().toString().substring(0, 8);
    Bench.provision(admin, slug, slug + "@example.com");
    String schema;
    long began = System.nanoTime();
    try (Connection db = TestDatabase.connect()) {
      schema = TestDatabase.schemaOf(db, slug);
      // inserted past the application, the rows wait unsealed; they are sealed below as the
      // sealer does after a commit, in batches of 2,000
      db.createStatement()
          .execute(
              "insert into "
                  + schema
                  + ".audit_event (id, occurred_at, actor_id, action, target_type, target_id,"
                  + " request_id, changes) select gen_random_uuid(),"
                  + " timestamptz '2025-01-01 00:00:00+00' + g * interval '20 seconds', null,"
                  + " 'bench.event', 'member', g::text, 'req-' || g,"
                  + " jsonb_build_object('n', g, 'note', 'row number ' || g)"
                  + " from generate_series(1, "
                  + events
                  + ") g");
    }
    double seeding = (System.nanoTime() - began) / 1e9;
    began = System.nanoTime();
    try (Connection db = TestDatabase.connect()) {
      int sealed;
      do {
        try (ResultSet rs =
            db.createStatement().executeQuery("select " + schema + ".audit_seal(2000)")) {
          rs.next();
          sealed = rs.getInt(1);
        }
      } while (sealed == 2000);
    }
    double sealing = (System.nanoTime() - began) / 1e9;

    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    Bench.BASE
                        + "/api/v1/orgs/"
                        + slug
                        + "/audit/events.csv?from="
                        + FROM
                        + "&to="
                        + TO))
            .header("Authorization", "Bearer " + admin)
            .build();
    began = System.nanoTime();
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long firstByte = 0;
    Counter api = new Counter();
    try (InputStream body = response.body()) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = body.read(buffer)) >= 0) {
        if (firstByte == 0 && n > 0) {
          firstByte = System.nanoTime();
        }
        api.write(buffer, 0, n);
      }
    }
    double apiSeconds = (System.nanoTime() - began) / 1e9;
    double apiFirst = (firstByte - began) / 1e9;
    if (response.statusCode() != 200) {
      throw new AssertionError("export answered " + response.statusCode());
    }

    Counter copy = new Counter();
    began = System.nanoTime();
    try (Connection db = TestDatabase.connect()) {
      new CopyManager(db.unwrap(BaseConnection.class))
          .copyOut(
              "COPY (select seq, id, occurred_at, actor_id, action, target_type, target_id,"
                  + " request_id, changes from "
                  + schema
                  + ".audit_event where occurred_at >= '"
                  + FROM
                  + "' and occurred_at < '"
                  + TO
                  + "' order by seq) TO STDOUT (FORMAT csv, HEADER)",
              copy);
    }
    double copySeconds = (System.nanoTime() - began) / 1e9;

    String report =
        String.format(
            "Audit CSV export, %,d events%n"
                + "  seeding (insert, unsealed): %.1f s%n"
                + "  sealing into the chain, 2,000 per transaction: %.1f s%n"
                + "  Roster GET audit/events.csv: %.1f s, first byte after %.2f s, %,d lines,"
                + " %,d bytes, %.0f rows/s%n"
                + "  PostgreSQL COPY TO STDOUT (FORMAT csv):       %.1f s, %,d lines, %,d bytes,"
                + " %.0f rows/s%n"
                + "  Roster takes %.1fx the time of COPY%n",
            events,
            seeding,
            sealing,
            apiSeconds,
            apiFirst,
            api.lines,
            api.bytes,
            events / apiSeconds,
            copySeconds,
            copy.lines,
            copy.bytes,
            events / copySeconds,
            apiSeconds / copySeconds);
    Bench.report("audit-export.txt", report);
  }

  /** Counts what passes and keeps nothing. */
  private static final class Counter extends OutputStream {
    long bytes;
    long lines;

    @Override
    public void write(int b) {
      bytes++;
      if (b == '\n') {
        lines++;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
      for (int i = off; i < off + len; i++) {
        if (b[i] == '\n') {
          lines++;
        }
      }
    }
  }
}
