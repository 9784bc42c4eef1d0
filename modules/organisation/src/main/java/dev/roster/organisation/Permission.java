package dev.roster.organisation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The permission catalogue: what a member may do in an organisation. Each role of the
 * organisation's role catalogue holds a set of them ({@link OrgRole#permissions()}); per-member
 * overrides grant or deny single permissions on top of it.
 */
public enum Permission {
  /** See the member directory and member details. */
  MEMBERS_VIEW("members.view"),
  /** Invite people to the organisation. */
  MEMBERS_INVITE("members.invite"),
  /** Suspend, reactivate and remove members ranked below oneself. */
  MEMBERS_MANAGE("members.manage"),
  /** Change the org role of members ranked below oneself, up to one's own rank. */
  ROLES_ASSIGN("roles.assign"),
  /** Create teams. */
  TEAMS_CREATE("teams.create"),
  /** See every team of the organisation, not only one's own. */
  TEAMS_VIEW_ALL("teams.view_all"),
  /** Change the organisation's settings and its role catalogue. */
  SETTINGS_MANAGE("settings.manage"),
  /** Mint personal API keys. */
  API_KEYS_CREATE("api_keys.create"),
  /** Create content. */
  CONTENT_CREATE("content.create"),
  /** See content shared with the whole organisation. */
  CONTENT_VIEW_SHARED("content.view_shared"),
  /** Manage and reassign everyone's content. */
  CONTENT_MANAGE("content.manage"),
  /** Share content outside the organisation. */
  CONTENT_SHARE_EXTERNAL("content.share_external"),
  /** Read and export the audit log and activity. */
  AUDIT_EXPORT("audit.export");

  /**
   * What the top role of every catalogue must hold, so that its members can always run the
   * organisation: see and manage members, assign roles, change settings and the catalogue.
   */
  public static final Set<Permission> ADMINISTRATION =
      EnumSet.of(MEMBERS_VIEW, MEMBERS_INVITE, MEMBERS_MANAGE, ROLES_ASSIGN, SETTINGS_MANAGE);

  private final String wire;

  Permission(String wire) {
    this.wire = wire;
  }

  /** The wire name, such as {@code members.manage}. */
  public String wire() {
    return wire;
  }

  /** The wire names of {@code permissions}, in catalogue order. */
  public static java.util.List<String> wires(Set<Permission> permissions) {
    return Arrays.stream(values()).filter(permissions::contains).map(Permission::wire).toList();
  }

  /**
   * Reads a wire name; a 400 problem on {@code field} when the catalogue has no such permission.
   */
  public static Permission parse(String value, String field) {
    return Arrays.stream(values())
        .filter(p -> p.wire.equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                dev.roster.kernel.Problems.invalidField(
                    field, "is not a permission of the catalogue: " + value));
  }
}
