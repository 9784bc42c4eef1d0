package dev.roster.teams;

import dev.roster.kernel.ProblemException;

/** The 403 problems of the team rules, for every module that applies them. */
public final class TeamProblems {

  private TeamProblems() {}

  /** 403 {@code team-role-required}: the action needs a team role the caller does not hold. */
  public static ProblemException roleRequired(String detail) {
    return new ProblemException(403, "team-role-required", "Team role required", detail);
  }

  /** 403 {@code insufficient-team-rank}: the caller's team role does not rank high enough. */
  public static ProblemException insufficientRank(String detail) {
    return new ProblemException(403, "insufficient-team-rank", "Insufficient team rank", detail);
  }
}
