package dev.roster.audit.internal;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV download: RFC 4180 in UTF-8 with a header row, written while the rows are read, as an
 * attachment named for what it holds and the range it covers. It holds its organisation's export
 * slot until the last byte is written or the client goes away.
 */
final class CsvDownload {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

  private CsvDownload() {}

  /** Writes the rows; called once the response starts. */
  interface Rows {
    void writeTo(CSVPrinter csv) throws IOException;
  }

  /** The response for a file {@code <name>-<from>-<to>.csv}. */
  static Response of(
      String name,
      Instant from,
      Instant to,
      List<String> header,
      ExportSlots.Slot slot,
      Rows rows) {
    StreamingOutput body =
        out -> {
          try {
            BufferedWriter writer =
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            CSVPrinter csv =
                new CSVPrinter(
                    writer,
                    CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
            rows.writeTo(csv);
            csv.flush();
          } finally {
            slot.release();
          }
        };
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\""
                + name
                + "-"
                + DAY.format(from)
                + "-"
                + DAY.format(to)
                + ".csv\"")
        .build();
  }
}
