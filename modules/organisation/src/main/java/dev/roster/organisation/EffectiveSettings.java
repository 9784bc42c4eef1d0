package dev.roster.organisation;

import java.util.Map;

/**
 * The settings in force for a member, each with where its value comes from: {@code member} (the
 * member's own setting), {@code organisation} (the org's setting) or {@code default}.
 *
 * @param notifications the notification level
 * @param apiAccess whether the member may use the API with personal keys
 * @param externalSharing whether the member may share content outside the organisation
 * @param featureAccess every feature flag known to the organisation or the member
 */
public record EffectiveSettings(
    Setting<String> notifications,
    Setting<Boolean> apiAccess,
    Setting<Boolean> externalSharing,
    Map<String, Setting<Boolean>> featureAccess) {

  /**
   * One effective value and its source.
   *
   * @param value the value in force
   * @param source member, organisation or default
   */
  public record Setting<T>(T value, String source) {}
}
