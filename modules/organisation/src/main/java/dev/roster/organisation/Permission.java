package dev.roster.organisation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The permission catalogue: what a member may do in an organisation. Each org role holds a default
 * set; per-member overrides grant or deny single permissions on top of it.
 */
public enum Permission {
  /** See the member directory and member details. */
  MEMBERS_VIEW("members.view", OrgRole.VIEWER),
  /** Invite people to the organisation. */
  MEMBERS_INVITE("members.invite", OrgRole.MANAGER),
  /** Suspend, reactivate and remove members ranked below oneself. */
  MEMBERS_MANAGE("members.manage", OrgRole.MANAGER),
  /** Change the org role of members ranked below oneself, up to one's own rank. */
  ROLES_ASSIGN("roles.assign", OrgRole.MANAGER),
  /** Create teams. */
  TEAMS_CREATE("teams.create", OrgRole.ADMIN),
  /** Change the organisation's settings. */
  SETTINGS_MANAGE("settings.manage", OrgRole.ADMIN),
  /** Mint personal API keys. */
  API_KEYS_CREATE("api_keys.create", OrgRole.MEMBER),
  /** Create content. */
  CONTENT_CREATE("content.create", OrgRole.MEMBER),
  /** Manage and reassign everyone's content. */
  CONTENT_MANAGE("content.manage", OrgRole.MANAGER),
  /** Share content outside the organisation. */
  CONTENT_SHARE_EXTERNAL("content.share_external", OrgRole.MEMBER),
  /** Read and export the audit log and activity. */
  AUDIT_EXPORT("audit.export", OrgRole.ADMIN);

  private final String wire;
  private final OrgRole lowestRole;

  Permission(String wire, OrgRole lowestRole) {
    this.wire = wire;
    this.lowestRole = lowestRole;
  }

  /** The wire name, such as {@code members.manage}. */
  public String wire() {
    return wire;
  }

  /** Whether {@code role} holds this permission by default. */
  public boolean grantedTo(OrgRole role) {
    return !lowestRole.outranks(role);
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

  /** The permissions {@code role} holds by default. */
  public static Set<Permission> defaultsOf(OrgRole role) {
    EnumSet<Permission> granted = EnumSet.noneOf(Permission.class);
    Arrays.stream(values()).filter(p -> p.grantedTo(role)).forEach(granted::add);
    return granted;
  }
}
