package dev.roster.audit.internal;

import dev.roster.audit.AuditEntry;
import dev.roster.audit.ChainVerification;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads an organisation's audit log with plain JDBC on the export data source: pages for the API,
 * and forward-only cursors (fetched in batches) for exports and chain verification, so that a range
 * of any length passes through in constant memory. The schema comes from the tenant, which checked
 * its name.
 */
@ApplicationScoped
class AuditReads {

  private static final Jsonb JSON = JsonbBuilder.create();
  private static final Type MAP =
      new HashMap<String, Object>() {}.getClass().getGenericSuperclass();

  @Resource(lookup = "jdbc/rosterExports")
  DataSource exports;

  /** What to select. Null fields do not filter. */
  record Filter(
      UUID actor, String targetType, String targetId, String action, Instant from, Instant to) {}

  /**
   * An entry as exports write it: {@code changes} stays the database's JSON text, so a million rows
   * are not parsed and serialised again on the way through.
   */
  record Row(
      long seq,
      UUID id,
      Instant occurredAt,
      UUID actorId,
      String action,
      String targetType,
      String targetId,
      String requestId,
      String changes,
      String prevHash,
      String hash) {}

  /** One page, newest first, below {@code beforeSeq} when given. */
  List<AuditEntry> page(String schema, Filter filter, Long beforeSeq, int limit) {
    List<Object> args = new ArrayList<>();
    String where = where(filter, args);
    if (beforeSeq != null) {
      where += " and seq < ?";
      args.add(beforeSeq);
    }
    args.add(limit);
    String sql = select(schema) + where + " order by seq desc limit ?";
    List<AuditEntry> entries = new ArrayList<>();
    try (Connection db = exports.getConnection();
        PreparedStatement query = prepare(db, sql, args);
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        entries.add(entry(rows));
      }
      return entries;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit log", e);
    }
  }

  /** Every matching entry, oldest first, handed to {@code sink} as it is read. */
  void stream(String schema, Filter filter, Cursor.Sink<Row> sink) throws IOException {
    List<Object> args = new ArrayList<>();
    String sql = select(schema) + where(filter, args) + " order by seq";
    Cursor.<Void, IOException>read(
        exports,
        "the audit log",
        db -> {
          try (PreparedStatement query = prepare(db, sql, args)) {
            query.setFetchSize(Cursor.FETCH);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                sink.accept(
                    new Row(
                        rows.getLong(1),
                        rows.getObject(2, UUID.class),
                        rows.getObject(3, OffsetDateTime.class).toInstant(),
                        rows.getObject(4, UUID.class),
                        rows.getString(5),
                        rows.getString(6),
                        rows.getString(7),
                        rows.getString(8),
                        rows.getString(9),
                        rows.getString(10),
                        rows.getString(11)));
              }
            }
          }
          return null;
        });
  }

  /**
   * Recomputes every hash of the entries that occurred in [from, to) and checks each links to the
   * one before: the first entry to its predecessor, to the pruning checkpoint it follows, or to
   * nothing when it is the first ever.
   */
  ChainVerification verify(String schema, Instant from, Instant to) {
    return Cursor.read(
        exports,
        "the audit log",
        db -> verify(db, schema, from, to).withUnsealed(unsealed(db, schema, from, to)));
  }

  /** Entries in [from, to) that committed and are not sealed yet. */
  private static long unsealed(Connection db, String schema, Instant from, Instant to)
      throws SQLException {
    try (PreparedStatement count =
            prepare(
                db,
                "select count(*) from "
                    + schema
                    + ".audit_event where seq is null and occurred_at >= ? and occurred_at < ?",
                List.of(from, to));
        ResultSet rows = count.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static ChainVerification verify(Connection db, String schema, Instant from, Instant to)
      throws SQLException {
    Long first = null;
    Long last = null;
    try (PreparedStatement bounds =
            prepare(
                db,
                "select min(seq), max(seq) from "
                    + schema
                    + ".audit_event where occurred_at >= ? and occurred_at < ?",
                List.of(from, to));
        ResultSet rows = bounds.executeQuery()) {
      rows.next();
      first = (Long) rows.getObject(1);
      last = (Long) rows.getObject(2);
    }
    if (first == null) {
      return new ChainVerification(from, to, true, 0, null, null, null, null, 0);
    }
    String anchor;
    String expectedPrev;
    if (first == 1) {
      anchor = "genesis";
      expectedPrev = null;
    } else {
      String before = hashOf(db, schema + ".audit_event", first - 1);
      if (before != null) {
        anchor = "entry";
        expectedPrev = before;
      } else {
        anchor = "checkpoint";
        expectedPrev = hashOf(db, schema + ".audit_checkpoint", first - 1);
        if (expectedPrev == null) {
          return broken(
              from, to, 0, first, last, "gap", first - 1, "an entry or checkpoint", "nothing");
        }
      }
    }
    long checked = 0;
    long expectedSeq = first;
    try (PreparedStatement scan =
        prepare(
            db,
            "select seq, prev_hash, hash, "
                + schema
                + ".audit_entry_hash(prev_hash, seq, occurred_at, actor_id, action,"
                + " target_type, target_id, request_id, changes) from "
                + schema
                + ".audit_event where seq between ? and ? order by seq",
            List.of(first, last))) {
      scan.setFetchSize(Cursor.FETCH);
      try (ResultSet rows = scan.executeQuery()) {
        while (rows.next()) {
          long seq = rows.getLong(1);
          String prev = rows.getString(2);
          String hash = rows.getString(3);
          String recomputed = rows.getString(4);
          if (seq != expectedSeq) {
            return broken(
                from,
                to,
                checked,
                first,
                last,
                "gap",
                expectedSeq,
                "entry " + expectedSeq,
                "entry " + seq);
          }
          if (!Objects.equals(prev, expectedPrev)) {
            return broken(from, to, checked, first, last, "link-mismatch", seq, expectedPrev, prev);
          }
          if (!recomputed.equals(hash)) {
            return broken(from, to, checked, first, last, "hash-mismatch", seq, recomputed, hash);
          }
          checked++;
          expectedPrev = hash;
          expectedSeq = seq + 1;
        }
      }
    }
    // entries missing from the end show against the chain's head
    try (PreparedStatement head =
            prepare(db, "select last_seq from " + schema + ".audit_chain", List.of());
        ResultSet rows = head.executeQuery()) {
      rows.next();
      long lastSeq = rows.getLong(1);
      Long newest = newestBefore(db, schema, to);
      if (newest != null
          && newest.equals(last)
          && lastSeq > last
          && !exists(db, schema, last + 1)) {
        return broken(
            from, to, checked, first, last, "gap", last + 1, "entry " + (last + 1), "nothing");
      }
    }
    return new ChainVerification(from, to, true, checked, first, last, anchor, null, 0);
  }

  private static ChainVerification broken(
      Instant from,
      Instant to,
      long checked,
      Long first,
      Long last,
      String reason,
      long seq,
      String expected,
      String found) {
    return new ChainVerification(
        from,
        to,
        false,
        checked,
        first,
        last,
        null,
        new ChainVerification.BrokenLink(seq, reason, expected, found),
        0);
  }

  private static String hashOf(Connection db, String table, long seq) throws SQLException {
    try (PreparedStatement query =
            prepare(db, "select hash from " + table + " where seq = ?", List.of(seq));
        ResultSet rows = query.executeQuery()) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  private static boolean exists(Connection db, String schema, long seq) throws SQLException {
    return hashOf(db, schema + ".audit_event", seq) != null;
  }

  /** The highest number of all entries, if the range reaches the present; else null. */
  private static Long newestBefore(Connection db, String schema, Instant to) throws SQLException {
    try (PreparedStatement query =
            prepare(
                db,
                "select max(seq) from "
                    + schema
                    + ".audit_event where not exists (select 1 from "
                    + schema
                    + ".audit_event later where later.occurred_at >= ?)",
                List.of(to));
        ResultSet rows = query.executeQuery()) {
      rows.next();
      return (Long) rows.getObject(1);
    }
  }

  private static String select(String schema) {
    return "select seq, id, occurred_at, actor_id, action, target_type, target_id, request_id,"
        + " changes::text, prev_hash, hash from "
        + schema
        + ".audit_event where seq is not null";
  }

  private static String where(Filter filter, List<Object> args) {
    StringBuilder where = new StringBuilder();
    if (filter.from() != null) {
      where.append(" and occurred_at >= ?");
      args.add(filter.from());
    }
    if (filter.to() != null) {
      where.append(" and occurred_at < ?");
      args.add(filter.to());
    }
    if (filter.actor() != null) {
      where.append(" and actor_id = ?");
      args.add(filter.actor());
    }
    if (filter.targetType() != null) {
      where.append(" and target_type = ?");
      args.add(filter.targetType());
    }
    if (filter.targetId() != null) {
      where.append(" and target_id = ?");
      args.add(filter.targetId());
    }
    if (filter.action() != null) {
      if (filter.action().endsWith(".*")) {
        where.append(" and action like ?");
        args.add(
            filter.action().substring(0, filter.action().length() - 1).replace("_", "\\_") + "%");
      } else {
        where.append(" and action = ?");
        args.add(filter.action());
      }
    }
    return where.toString();
  }

  private static PreparedStatement prepare(Connection db, String sql, List<Object> args)
      throws SQLException {
    PreparedStatement statement = db.prepareStatement(sql);
    for (int i = 0; i < args.size(); i++) {
      Object arg = args.get(i);
      if (arg instanceof Instant instant) {
        statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
      } else {
        statement.setObject(i + 1, arg);
      }
    }
    return statement;
  }

  private static AuditEntry entry(ResultSet rows) throws SQLException {
    return new AuditEntry(
        rows.getLong(1),
        rows.getObject(2, UUID.class),
        rows.getObject(3, OffsetDateTime.class).toInstant(),
        rows.getObject(4, UUID.class),
        rows.getString(5),
        rows.getString(6),
        rows.getString(7),
        rows.getString(8),
        JSON.<Map<String, Object>>fromJson(rows.getString(9), MAP),
        rows.getString(10),
        rows.getString(11));
  }
}
