package dev.roster.organisation.spi;

import dev.roster.organisation.RemovalSummary;
import java.util.List;

/**
 * The first step of a removal, implemented by the teams module: take the member out of every team
 * and give each team they owned a new owner. It runs before {@link ContentSettlement}, which asks
 * for the teams' new owners. Runs in the removal's transaction; a failure undoes the removal.
 */
public interface TeamHandover {

  /** Takes the member out of their teams; says what it did. */
  Result handOver(Removal removal);

  /**
   * What the step did.
   *
   * @param teamsLeft how many teams the member left
   * @param moves the teams they owned, each with its new owner
   */
  record Result(int teamsLeft, List<RemovalSummary.TeamOwnershipMove> moves) {

    /** Nothing: no teams module, or a member of no team. */
    public static final Result NONE = new Result(0, List.of());

    /** Keeps an unchangeable copy of the moves. */
    public Result {
      moves = List.copyOf(moves);
    }
  }
}
