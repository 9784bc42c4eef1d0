package dev.roster.invitations;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a bulk invitation did, or would do with {@code dryRun}.
 *
 * @param dryRun whether nothing was changed
 * @param rows how many rows the file had
 * @param accepted rows invited (or that would be)
 * @param refused rows refused
 * @param results one result per row, in file order
 */
public record BulkReport(
    boolean dryRun, int rows, int accepted, int refused, List<Result> results) {

  /**
   * One row's outcome.
   *
   * @param line the row's line in the file
   * @param email the row's email
   * @param outcome {@code invite} (dry run), {@code invited}, or {@code refused}
   * @param reason why it was refused: bad-email, unknown-role, role-above-inviter,
   *     permission-denied (the role holds a permission the inviter does not), unknown-team,
   *     team-not-allowed, duplicate-in-file, already-member, already-invited, seat-limit-reached
   *     (the member limit leaves no room); else null
   * @param detail a readable explanation, or null
   * @param invitationId the invitation made, or null
   */
  public record Result(
      long line,
      String email,
      @Schema(enumeration = {"invite", "invited", "refused"}) String outcome,
      @Schema(nullable = true) String reason,
      @Schema(nullable = true) String detail,
      @Schema(nullable = true) UUID invitationId) {}
}
