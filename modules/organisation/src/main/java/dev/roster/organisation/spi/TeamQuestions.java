package dev.roster.organisation.spi;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.TeamId;
import java.util.List;

/**
 * Answers "may this member do this in this team?" for the access checks, by the rules the team
 * endpoints enforce. Implemented by the teams module; without it, team questions are refused.
 */
public interface TeamQuestions {

  /**
   * The team permissions it answers: {@code team.view} (sees the team), {@code team.edit} (renames
   * it and sets its budget), {@code team.members.manage} (adds members) and {@code team.manage}
   * (transfers ownership, deactivates and reactivates).
   */
  List<String> permissions();

  /**
   * Whether the active member {@code member} may do {@code permission} in {@code team}, and why:
   * {@code team-role}, {@code org-admin}, {@code org-permission} ({@code teams.view_all}), {@code
   * deactivated-team} or {@code no-such-team}.
   *
   * @param orgAdmin whether the member holds the organisation's top role
   * @param viewsAll whether the member holds {@code teams.view_all}
   */
  AccessVerdict answer(
      MemberId member, boolean orgAdmin, boolean viewsAll, TeamId team, String permission);
}
