package dev.roster.app.bench;

import static io.restassured.RestAssured.given;

import dev.roster.app.TestDatabase;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * Whether a login's answer time tells anything: right password, wrong password and unknown email
 * should take about as long (each checks one Argon2id hash). Not a test: it measures and reports,
 * with {@code ./mvnw verify -Pbench}, to the console and {@code target/bench/login-timing.txt}.
 */
class LoginTimingBenchmark {

  private static final String BASE = System.getProperty("roster.url", "http://localhost:19080");
  private static final String PASSWORD = Bench.ADMIN_PASSWORD;
  private static final int ROUNDS = 40;

  @Test
  void loginAnswersTakeAboutAsLongWhateverTheOutcome() throws Exception {
    // accounts with proven addresses, written straight into the platform schema with the platform
    // admin's password hash (a sign-up answers 202 and waits for its email to be proven)
    List<String> accounts = new ArrayList<>();
    try (Connection db = TestDatabase.connect()) {
      String prefix = "timing-" + UUID.randomUUID().toString().substring(0, 8);
      for (Map<String, String> account : Bench.proven(db, ROUNDS, prefix)) {
        Bench.withAdminPassword(db, account.get("email"));
        accounts.add(account.get("email"));
      }
    }
    // warm up the server's code paths before measuring
    for (int i = 0; i < 10; i++) {
      login(accounts.get(0), PASSWORD);
    }
    int[] round = {0};
    String report =
        String.format(
            "Login timing, median and 90th percentile of %d logins each%n%s%s%s",
            ROUNDS,
            line("right password", () -> login(accounts.get(round[0]++ % ROUNDS), PASSWORD), 200),
            // one failure per account, so that no account reaches the slow-down after five
            line(
                "wrong password",
                () -> login(accounts.get(round[0]++ % ROUNDS), "not-the-password-" + round[0]),
                401),
            line(
                "unknown email",
                () -> login("nobody-" + UUID.randomUUID() + "@example.com", PASSWORD),
                401));
    System.out.print(report);
    Path out = Path.of("target/bench/login-timing.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
  }

  private static String line(String label, IntSupplier attempt, int expectedStatus) {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      long began = System.nanoTime();
      int status = attempt.getAsInt();
      millis.add((System.nanoTime() - began) / 1e6);
      if (status != expectedStatus) {
        throw new IllegalStateException(label + " answered " + status);
      }
    }
    Collections.sort(millis);
    return String.format(
        "  %-15s %7.1f ms  %7.1f ms%n",
        label, millis.get(ROUNDS / 2), millis.get((int) (ROUNDS * 0.9)));
  }

  private static int login(String email, String password) {
    // each login from a client of its own, so that the sign-in throttle (ADR 0013) stays out of
    // the measurement
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    return given()
        .baseUri(BASE)
        .header("X-Forwarded-For", "198.18." + r.nextInt(256) + "." + r.nextInt(1, 255))
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", password))
        .post("/api/v1/auth/login")
        .statusCode();
  }
}
