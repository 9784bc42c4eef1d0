package dev.roster.invitations.internal;

import dev.roster.invitations.BulkRow;
import dev.roster.kernel.Problem;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a bulk invitation file: UTF-8 (a byte-order mark is skipped), RFC 4180 CSV, a header naming
 * the columns {@code email} (required), {@code role} and {@code teams} (names separated by {@code
 * ;}), at most {@value #MAX_ROWS} rows. A file that cannot be read is a 400 problem naming the line
 * and the reason.
 */
final class BulkFile {

  static final int MAX_ROWS = 10_000;
  static final int MAX_BYTES = 4 * 1024 * 1024;
  private static final Set<String> COLUMNS = Set.of("email", "role", "teams");

  private BulkFile() {}

  static List<BulkRow> read(InputStream body) {
    String text = decode(body);
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    try (CSVParser parser =
        CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
      Map<String, Integer> header = parser.getHeaderMap();
      if (header == null || header.isEmpty()) {
        throw malformed(1, "the file is empty; it needs a header line naming the columns");
      }
      for (String column : header.keySet()) {
        if (!COLUMNS.contains(column.toLowerCase(Locale.ROOT))) {
          throw malformed(1, "unknown column '" + column + "'; the columns are email, role, teams");
        }
      }
      String email = column(header, "email");
      if (email == null) {
        throw malformed(1, "the header has no email column");
      }
      String role = column(header, "role");
      String teams = column(header, "teams");
      List<BulkRow> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        if (rows.size() == MAX_ROWS) {
          throw malformed(line, "more than " + MAX_ROWS + " rows; split the file");
        }
        if (record.size() != header.size()) {
          throw malformed(
              line, "has " + record.size() + " cells where the header names " + header.size());
        }
        rows.add(
            new BulkRow(
                line,
                record.get(email),
                role == null || record.get(role).isEmpty() ? null : record.get(role),
                teams == null ? List.of() : names(record.get(teams))));
      }
      return rows;
    } catch (UncheckedIOException | IOException | IllegalStateException e) {
      String message = e.getMessage() == null ? "unreadable CSV" : e.getMessage();
      throw malformed(lineOf(message), message);
    }
  }

  private static String column(Map<String, Integer> header, String name) {
    return header.keySet().stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
  }

  private static List<String> names(String cell) {
    return Arrays.stream(cell.split(";")).map(String::strip).filter(n -> !n.isEmpty()).toList();
  }

  /** The body as UTF-8 text without a byte-order mark; a 400 problem when it is not UTF-8. */
  private static String decode(InputStream body) {
    byte[] bytes;
    try {
      bytes = body.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw Problems.badRequest("The file could not be read.");
    }
    if (bytes.length > MAX_BYTES) {
      throw malformed(0, "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw malformed(0, "the file is not UTF-8 text");
    }
  }

  /** The line number Commons CSV puts in its messages, else 0. */
  private static long lineOf(String message) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+)").matcher(message);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static ProblemException malformed(long line, String reason) {
    String where = line > 0 ? "Line " + line + ": " : "";
    return Problems.validation(
        where + reason,
        List.of(new Problem.FieldError(line > 0 ? "line " + line : "file", reason)));
  }
}
