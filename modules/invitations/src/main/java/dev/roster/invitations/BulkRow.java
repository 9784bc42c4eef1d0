package dev.roster.invitations;

import java.util.List;

/**
 * One row of a bulk invitation file.
 *
 * @param line the row's line in the file (the header is line 1)
 * @param email the email cell
 * @param role the role cell, or null when empty (member)
 * @param teams the team names of the teams cell
 */
public record BulkRow(long line, String email, String role, List<String> teams) {}
