package dev.roster.invitations;

import java.util.List;

/**
 * A new member's first steps in an organisation, each done or not, derived from what they did.
 *
 * @param items the steps, in order
 * @param completed how many are done
 * @param total how many there are
 */
public record Onboarding(List<Step> items, int completed, int total) {

  /**
   * One step.
   *
   * @param key a stable name: join, teams, content, invite
   * @param title what to do
   * @param done whether it is done
   */
  public record Step(String key, String title, boolean done) {}
}
