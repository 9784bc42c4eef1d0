package dev.roster.content.internal;

import dev.roster.kernel.Problems;
import java.util.Objects;
import java.util.UUID;

/**
 * Where an item is shown: {@code private}, {@code team} (with its team) or {@code org}. A team goes
 * with visibility {@code team} and only with it, and an item without an owner stays shared with the
 * organisation. Pure ({@code PlacementTest}); whether the caller may use the team is the service's
 * check.
 *
 * @param visibility one of {@code private}, {@code team}, {@code org}
 * @param teamId the team, exactly when the visibility is {@code team}
 */
record Placement(String visibility, UUID teamId) {

  /** The placement of a new item: a team when, and only when, the visibility is {@code team}. */
  static Placement ofNew(String visibility, UUID teamId) {
    if (ContentItem.TEAM.equals(visibility) != (teamId != null)) {
      throw Problems.invalidField("teamId", "is required with visibility team, and only then");
    }
    return new Placement(visibility, teamId);
  }

  /**
   * The placement after an edit naming a visibility and a team, either of them null when the edit
   * leaves it: a team item keeps its team unless a new one is named.
   *
   * @param owned whether the item has an owner
   */
  Placement change(String newVisibility, UUID newTeam, boolean owned) {
    String shown = newVisibility == null ? visibility : newVisibility;
    UUID team;
    if (ContentItem.TEAM.equals(shown)) {
      team = newTeam != null ? newTeam : teamId;
      if (team == null) {
        throw Problems.invalidField("teamId", "is required with visibility team");
      }
    } else if (newTeam != null) {
      throw Problems.invalidField("teamId", "goes only with visibility team");
    } else {
      team = null;
    }
    if (!owned && !ContentItem.ORG.equals(shown)) {
      throw Problems.invalidField(
          "visibility", "an item without an owner stays shared; give it an owner first");
    }
    return new Placement(shown, team);
  }

  /** Whether this placement names a team that {@code before} did not. */
  boolean movesToAnotherTeam(Placement before) {
    return teamId != null && !teamId.equals(before.teamId());
  }

  /** Whether the item is shown differently from {@code before}. */
  boolean differsFrom(Placement before) {
    return !visibility.equals(before.visibility()) || !Objects.equals(teamId, before.teamId());
  }
}
