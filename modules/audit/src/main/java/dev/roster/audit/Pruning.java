package dev.roster.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a pruning removed.
 *
 * @param removed how many audit entries were removed
 * @param throughSeq the last removed entry's number (the checkpoint), or null when none was due
 * @param before the cut-off: entries that occurred before it were due
 */
public record Pruning(long removed, @Schema(nullable = true) Long throughSeq, Instant before) {}
