package dev.roster.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The result of recomputing an organisation's audit chain over a time range.
 *
 * @param from the start of the range (inclusive)
 * @param to the end of the range (exclusive)
 * @param valid whether every entry in the range hashes as recorded and links to the one before
 * @param checked how many entries were recomputed
 * @param firstSeq the first entry's number, or null when the range is empty
 * @param lastSeq the last entry's number, or null
 * @param anchor what the first entry must link to: {@code genesis}, {@code checkpoint} (a pruning)
 *     or {@code entry} (the entry before the range); null when the range is empty
 * @param broken the first broken link, or null when valid
 * @param unsealed entries in the range that committed but are not sealed into the chain yet (they
 *     commit with their change and are sealed right after; this counts those that committed while
 *     the verification ran), not covered by this result
 */
public record ChainVerification(
    Instant from,
    Instant to,
    boolean valid,
    long checked,
    @Schema(nullable = true) Long firstSeq,
    @Schema(nullable = true) Long lastSeq,
    @Schema(
            nullable = true,
            enumeration = {"genesis", "checkpoint", "entry"})
        String anchor,
    @Schema(nullable = true) BrokenLink broken,
    long unsealed) {

  /** This result, counting {@code entries} committed in the range and not sealed yet. */
  public ChainVerification withUnsealed(long entries) {
    return new ChainVerification(
        from, to, valid, checked, firstSeq, lastSeq, anchor, broken, entries);
  }

  /**
   * Where the chain breaks.
   *
   * @param seq the number of the first entry that does not check out (or that is missing)
   * @param reason {@code hash-mismatch} (the entry was altered), {@code link-mismatch} (its
   *     previous hash is not the hash before it) or {@code gap} (entries before it are missing)
   * @param expected what the chain says the value should be
   * @param found what is recorded
   */
  public record BrokenLink(
      long seq,
      @Schema(enumeration = {"hash-mismatch", "link-mismatch", "gap"}) String reason,
      @Schema(nullable = true) String expected,
      @Schema(nullable = true) String found) {}
}
