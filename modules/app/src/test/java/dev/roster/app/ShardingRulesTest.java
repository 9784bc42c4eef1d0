package dev.roster.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What Roster keeps true so that each organisation's schema can become a distributed schema of
 * Citus's schema-based sharding, with the platform schema on the coordinator (ADR 0019). Read from
 * the migrations and from every native SQL statement in the modules' sources.
 */
class ShardingRulesTest {

  private static final Path TENANT_MIGRATIONS = Path.of("../../db/tenant");
  private static final Path PLATFORM_MIGRATIONS = Path.of("../../db/platform");
  private static final Path MODULES = Path.of("..");
  private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create table (\\w+)");
  private static final Pattern REFERENCES = Pattern.compile("(?i)references\\s+([\\w.\"]+)");
  private static final Pattern TENANT_SCHEMA = Pattern.compile("t_[0-9a-f]{32}");
  private static final List<Pattern> FORBIDDEN_IN_TENANT =
      List.of(
          Pattern.compile("platform\\."),
          Pattern.compile("create schema"),
          Pattern.compile("search_path\\s*(to|=)"),
          Pattern.compile("public\\.(?!gin_trgm_ops)\\w+"),
          Pattern.compile("pg_catalog\\.\\w+"));

  @Test
  void tenantMigrationsNameNoSchemaAndReferenceOnlyTheirOwnTables() {
    Set<String> tables = tenantTables();
    List<String> broken = new ArrayList<>();
    for (Path file : sql(TENANT_MIGRATIONS)) {
      String text = withoutComments(read(file));
      String lower = text.toLowerCase(java.util.Locale.ROOT);
      // a schema named in a tenant migration would tie one shard to another, or to the
      // coordinator; functions pin the schema they were made in ("set search_path from current"),
      // and pg_trgm's operator class lives in public, an extension Citus installs on every node
      for (Pattern forbidden : FORBIDDEN_IN_TENANT) {
        Matcher found = forbidden.matcher(lower);
        if (found.find()) {
          broken.add(file.getFileName() + " names " + found.group());
        }
      }
      if (TENANT_SCHEMA.matcher(lower).find()) {
        broken.add(file.getFileName() + " names a tenant's schema");
      }
      Matcher reference = REFERENCES.matcher(text);
      while (reference.find()) {
        if (!tables.contains(reference.group(1).toLowerCase(java.util.Locale.ROOT))) {
          broken.add(file.getFileName() + " references " + reference.group(1));
        }
      }
    }
    assertEquals(List.of(), broken);
  }

  @Test
  void platformMigrationsNeverReachIntoATenantSchema() {
    Set<String> tables = tenantTables();
    List<String> broken = new ArrayList<>();
    for (Path file : sql(PLATFORM_MIGRATIONS)) {
      String text = withoutComments(read(file)).toLowerCase(java.util.Locale.ROOT);
      if (TENANT_SCHEMA.matcher(text).find()) {
        broken.add(file.getFileName() + " names a tenant's schema");
      }
      Matcher reference = REFERENCES.matcher(text);
      while (reference.find()) {
        String target = reference.group(1).replace("platform.", "");
        if (tables.contains(target) && !platformTables().contains(target)) {
          broken.add(file.getFileName() + " references tenant table " + target);
        }
      }
    }
    assertEquals(List.of(), broken);
  }

  @Test
  void everyNativeStatementStaysInOneTenantOrInThePlatform() throws IOException {
    Set<String> tables = tenantTables();
    List<String> broken = new ArrayList<>();
    int statements = 0;
    for (Path file : java(MODULES)) {
      for (String call : nativeQueries(read(file))) {
        statements++;
        violation(call, tables).ifPresent(v -> broken.add(file.getFileName() + ": " + v));
      }
    }
    assertTrue(statements > 20, "found only " + statements + " native statements");
    assertEquals(List.of(), broken);
  }

  @Test
  void theRulesCatchWhatTheyForbid() {
    Set<String> tables = tenantTables();
    assertTrue(tables.containsAll(Set.of("member", "team", "invitation", "audit_event")));
    List<String> calls =
        nativeQueries(
            "em.createNativeQuery(\"select * from platform.account a join member m on (a.id ="
                + " m.account_id)\").getResultList();"
                + " em.createNativeQuery(\"select 1 from \" + a.schema() + \".team t, \" +"
                + " b.schema() + \".team u\");"
                + " em.createNativeQuery(\"insert into platform.mail_outbox select * from \" +"
                + " t.schema() + \".invitation\");"
                + " em.createNativeQuery(\"select count(*) from member where id = ?\");"
                + " em.createNativeQuery(\"select * from platform.membership where org_id = ?\")");
    assertEquals(5, calls.size());
    assertTrue(violation(calls.get(0), tables).isPresent(), "platform joined to a tenant table");
    assertTrue(violation(calls.get(1), tables).isPresent(), "two tenants in one statement");
    assertTrue(violation(calls.get(2), tables).isPresent(), "platform fed from a tenant");
    assertTrue(violation(calls.get(3), tables).isEmpty(), "one tenant, by the search path");
    assertTrue(violation(calls.get(4), tables).isEmpty(), "the platform alone");
  }

  /** What is wrong with one native statement for schema-based sharding, if anything. */
  static java.util.Optional<String> violation(String call, Set<String> tenantTables) {
    String literals = literals(call);
    long schemas = Pattern.compile("schema\\(\\)").matcher(call).results().count();
    boolean tenant =
        schemas > 0
            || Pattern.compile(
                    "(?i)\\b(from|join|into|update|table)\\s+("
                        + String.join("|", tenantTables)
                        + ")\\b")
                .matcher(literals)
                .find();
    if (schemas > 1) {
      return java.util.Optional.of("names two tenants' schemas: " + literals);
    }
    if (tenant && literals.contains("platform.")) {
      return java.util.Optional.of("joins the platform and a tenant: " + literals);
    }
    return java.util.Optional.empty();
  }

  /** The argument text of each {@code createNativeQuery(...)} call, parentheses balanced. */
  static List<String> nativeQueries(String source) {
    List<String> calls = new ArrayList<>();
    String marker = "createNativeQuery(";
    for (int at = source.indexOf(marker); at >= 0; at = source.indexOf(marker, at + 1)) {
      int depth = 1;
      int i = at + marker.length();
      boolean inString = false;
      while (depth > 0 && i < source.length()) {
        char c = source.charAt(i);
        if (inString) {
          if (c == '\\') {
            i++;
          } else if (c == '"') {
            inString = false;
          }
        } else if (c == '"') {
          inString = true;
        } else if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
        }
        i++;
      }
      calls.add(source.substring(at + marker.length(), i - 1));
    }
    return calls;
  }

  /** The string literals of {@code code}, joined as the concatenation would join them. */
  static String literals(String code) {
    StringBuilder text = new StringBuilder();
    Matcher literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(code);
    while (literal.find()) {
      text.append(literal.group(1));
    }
    return text.toString();
  }

  private static Set<String> tenantTables() {
    return tablesIn(TENANT_MIGRATIONS);
  }

  private static Set<String> platformTables() {
    return tablesIn(PLATFORM_MIGRATIONS);
  }

  private static Set<String> tablesIn(Path folder) {
    Set<String> tables = new TreeSet<>();
    for (Path file : sql(folder)) {
      Matcher create = CREATE_TABLE.matcher(withoutComments(read(file)));
      while (create.find()) {
        tables.add(create.group(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return tables;
  }

  private static String withoutComments(String sql) {
    return sql.replaceAll("--[^\n]*", "");
  }

  private static List<Path> sql(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> found = files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
      assertTrue(found.size() > 3, "migrations in " + folder);
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> java(Path modules) throws IOException {
    try (Stream<Path> files = Files.walk(modules)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> f.toString().contains("/src/main/java/"))
          .sorted()
          .toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
