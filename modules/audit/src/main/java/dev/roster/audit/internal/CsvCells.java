package dev.roster.audit.internal;

/**
 * Makes exported cells safe to open in a spreadsheet: a cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return would run as a formula (CSV injection, OWASP),
 * so it gets a leading apostrophe, which spreadsheets show as text and do not display.
 */
final class CsvCells {

  private CsvCells() {}

  static String safe(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    return switch (cell.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
      default -> cell;
    };
  }
}
