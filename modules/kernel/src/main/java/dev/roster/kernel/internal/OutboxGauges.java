package dev.roster.kernel.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The mail outbox as operators watch it: emails waiting to go, emails given up, and how long the
 * oldest waiting one has waited. Read from the database at most once every five seconds whatever
 * the scrape rate; while the database is out of reach the gauges read NaN.
 */
@ApplicationScoped
public class OutboxGauges {

  private static final Logger LOG = Logger.getLogger(OutboxGauges.class.getName());
  private static final Duration FRESH = Duration.ofSeconds(5);

  @Inject MetricRegistry registry;
  @Inject Clock clock;

  @Resource(lookup = "jdbc/roster")
  DataSource database;

  private record Reading(Instant at, double pending, double failed, double oldestSeconds) {}

  private volatile Reading last = new Reading(Instant.EPOCH, Double.NaN, Double.NaN, Double.NaN);

  void register(@Observes Startup startup) {
    Metadata outbox =
        Metadata.builder()
            .withName("roster.mail.outbox")
            .withDescription(
                "Emails in the outbox by status: pending (waiting or retrying) and failed (given"
                    + " up; listed by GET /api/v1/platform/mail).")
            .build();
    registry.gauge(outbox, this, g -> g.reading().pending(), new Tag("status", "pending"));
    registry.gauge(outbox, this, g -> g.reading().failed(), new Tag("status", "failed"));
    registry.gauge(
        Metadata.builder()
            .withName("roster.mail.outbox.oldest.pending")
            .withDescription("Seconds the oldest pending email has waited (0 when none).")
            .withUnit("seconds")
            .build(),
        this,
        g -> g.reading().oldestSeconds());
  }

  Reading reading() {
    Reading reading = last;
    Instant now = clock.instant();
    if (Duration.between(reading.at(), now).compareTo(FRESH) < 0) {
      return reading;
    }
    synchronized (this) {
      if (Duration.between(last.at(), now).compareTo(FRESH) < 0) {
        return last;
      }
      last = read(now);
      return last;
    }
  }

  private Reading read(Instant now) {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "select count(*) filter (where status = 'pending'),"
                    + " count(*) filter (where status = 'failed'),"
                    + " coalesce(extract(epoch from now() - min(created_at)"
                    + " filter (where status = 'pending')), 0)"
                    + " from platform.mail_outbox where status in ('pending', 'failed')")) {
      rs.next();
      return new Reading(now, rs.getLong(1), rs.getLong(2), rs.getDouble(3));
    } catch (SQLException e) {
      LOG.log(Level.FINE, "outbox gauges unread", e);
      return new Reading(now, Double.NaN, Double.NaN, Double.NaN);
    }
  }
}
