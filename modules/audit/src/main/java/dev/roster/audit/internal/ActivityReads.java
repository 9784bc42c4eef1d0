package dev.roster.audit.internal;

import dev.roster.audit.ActivityEntry;
import dev.roster.kernel.TenantContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Streams a member's activity for CSV exports, with a JDBC cursor, in constant memory. */
@ApplicationScoped
class ActivityReads {

  @Resource(lookup = "jdbc/rosterExports")
  DataSource exports;

  @Inject ActivityService activity;
  @Inject TenantContext tenants;

  @Inject
  @ConfigProperty(name = "ROSTER_EXPORT_MAX_DAYS", defaultValue = "366")
  long maxDays;

  /** Checks rights and range now, before the response starts; the rows stream later. */
  Cursor.Export<ActivityEntry> export(UUID memberId, String type, Instant from, Instant to) {
    Ranges.required(from, to, maxDays);
    activity.requireReader(memberId);
    String schema = tenants.require().schema();
    return sink -> stream(schema, memberId, type, from, to, sink);
  }

  private static final String SQL =
      "select id, occurred_at, type, source, detail::text from %s.activity"
          + " where member_id = ? and occurred_at >= ? and occurred_at < ?%s"
          + " order by occurred_at, id";

  private void stream(
      String schema,
      UUID memberId,
      String type,
      Instant from,
      Instant to,
      Cursor.Sink<ActivityEntry> sink)
      throws IOException {
    Cursor.<Void, IOException>read(
        exports,
        "the activity",
        db -> {
          try (PreparedStatement query =
              db.prepareStatement(
                  String.format(SQL, schema, type == null ? "" : " and type = ?"))) {
            query.setObject(1, memberId);
            query.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            query.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            if (type != null) {
              query.setString(4, type);
            }
            query.setFetchSize(Cursor.FETCH);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                sink.accept(
                    new ActivityEntry(
                        rows.getObject(1, UUID.class),
                        memberId,
                        rows.getString(3),
                        rows.getObject(2, OffsetDateTime.class).toInstant(),
                        rows.getString(4),
                        ActivityService.JSON.<Map<String, Object>>fromJson(
                            rows.getString(5), ActivityService.MAP)));
              }
            }
          }
          return null;
        });
  }
}
