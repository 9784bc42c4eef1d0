package dev.roster.organisation.internal;

import dev.roster.organisation.EffectiveSettings;
import dev.roster.organisation.MemberDetail;
import dev.roster.organisation.MemberSettings;
import dev.roster.organisation.MemberView;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.OrgSettings;
import dev.roster.organisation.Permission;
import dev.roster.organisation.spi.MemberActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Maps members to their API representations, at a given moment. */
final class MemberViews {

  /**
   * Members with no activity for this long show as inactive, unless the organisation says
   * otherwise.
   */
  static final Duration INACTIVE_AFTER = Duration.ofDays(90);

  private static final String MEMBER = "member";
  private static final String ORGANISATION = "organisation";

  private MemberViews() {}

  static Instant inactiveBefore(Instant now) {
    return now.minus(INACTIVE_AFTER);
  }

  /** A newcomer's view: no teams yet, no attribute values yet. */
  static MemberView of(Member member, UUID callerAccountId, Instant now) {
    return of(member, List.of(), Map.of(), callerAccountId, now, inactiveBefore(now));
  }

  static MemberView of(
      Member member,
      List<MemberView.TeamRef> teams,
      Map<String, Object> attributes,
      UUID callerAccountId,
      Instant now,
      Instant inactiveBefore) {
    return new MemberView(
        member.id(),
        member.accountId(),
        member.name(),
        member.email(),
        member.roleKey(),
        member.state(now, inactiveBefore),
        teams,
        member.joinedAt(),
        member.joinedVia(),
        member.lastActiveAt(),
        member.accountId().equals(callerAccountId),
        member.twoFactor(),
        member.firstName(),
        member.lastName(),
        member.subscriber(),
        member.subscriberAdmin(),
        attributes);
  }

  /** The settings in force: the member's own where set, else the organisation's, else defaults. */
  static EffectiveSettings settings(OrgSettings org, MemberSettings own) {
    Map<String, EffectiveSettings.Setting<Boolean>> features = new TreeMap<>();
    org.featureFlags()
        .forEach(
            (flag, on) -> features.put(flag, new EffectiveSettings.Setting<>(on, ORGANISATION)));
    if (own.featureAccess() != null) {
      own.featureAccess()
          .forEach((flag, on) -> features.put(flag, new EffectiveSettings.Setting<>(on, MEMBER)));
    }
    return new EffectiveSettings(
        own.notifications() != null
            ? new EffectiveSettings.Setting<>(own.notifications(), MEMBER)
            : new EffectiveSettings.Setting<>("all", "default"),
        inherit(own.apiAccess(), org.integrationAccess()),
        inherit(own.externalSharing(), org.externalSharing()),
        features);
  }

  private static EffectiveSettings.Setting<Boolean> inherit(Boolean own, boolean organisation) {
    return own != null
        ? new EffectiveSettings.Setting<>(own, MEMBER)
        : new EffectiveSettings.Setting<>(organisation, ORGANISATION);
  }

  static MemberDetail detail(
      Member member,
      OrgRole role,
      List<MemberView.TeamRef> teams,
      Map<String, Object> attributes,
      Map<Permission, Boolean> overrides,
      EffectiveSettings settings,
      long ownedContent,
      List<MemberActivity.Entry> recentActivity,
      UUID callerAccountId,
      Instant now,
      Instant inactiveBefore) {
    MemberView view = of(member, teams, attributes, callerAccountId, now, inactiveBefore);
    List<MemberDetail.PermissionGrant> permissions =
        Arrays.stream(Permission.values())
            .map(
                p ->
                    overrides.containsKey(p)
                        ? new MemberDetail.PermissionGrant(p.wire(), overrides.get(p), "override")
                        : new MemberDetail.PermissionGrant(
                            p.wire(), role.permissions().contains(p), "role"))
            .toList();
    return new MemberDetail(
        view.id(),
        view.accountId(),
        view.name(),
        view.email(),
        view.role(),
        view.status(),
        view.teams(),
        view.joinedAt(),
        view.joinedVia(),
        view.lastActiveAt(),
        view.self(),
        view.twoFactor(),
        view.firstName(),
        view.lastName(),
        view.subscriber(),
        view.subscriberAdmin(),
        view.attributes(),
        permissions,
        member.suspensionAt(now).orElse(null),
        settings,
        ownedContent,
        recentActivity);
  }
}
