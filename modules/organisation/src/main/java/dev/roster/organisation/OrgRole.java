package dev.roster.organisation;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A role of an organisation's role catalogue (ADR 0023): a key members carry, a display name, a
 * rank (a higher rank outranks a lower one) and the permissions it holds. The role of the highest
 * rank is the organisation's admin role.
 *
 * @param key the key, such as {@code member}; never changes
 * @param name the display name, such as {@code Member}
 * @param rank the rank, from 1 to 1000, unique in the organisation
 * @param permissions what its members hold, before their own overrides
 */
public record OrgRole(String key, String name, int rank, Set<Permission> permissions) {

  /** The default catalogue's admin: every permission. */
  public static final OrgRole ADMIN =
      new OrgRole("admin", "Admin", 500, EnumSet.allOf(Permission.class));

  /** The default catalogue's manager. */
  public static final OrgRole MANAGER =
      new OrgRole(
          "manager",
          "Manager",
          400,
          EnumSet.of(
              Permission.MEMBERS_VIEW,
              Permission.MEMBERS_INVITE,
              Permission.MEMBERS_MANAGE,
              Permission.ROLES_ASSIGN,
              Permission.TEAMS_VIEW_ALL,
              Permission.API_KEYS_CREATE,
              Permission.CONTENT_CREATE,
              Permission.CONTENT_VIEW_SHARED,
              Permission.CONTENT_MANAGE,
              Permission.CONTENT_SHARE_EXTERNAL));

  /** The default catalogue's member. */
  public static final OrgRole MEMBER =
      new OrgRole(
          "member",
          "Member",
          300,
          EnumSet.of(
              Permission.MEMBERS_VIEW,
              Permission.API_KEYS_CREATE,
              Permission.CONTENT_CREATE,
              Permission.CONTENT_VIEW_SHARED,
              Permission.CONTENT_SHARE_EXTERNAL));

  /** The default catalogue's viewer. */
  public static final OrgRole VIEWER =
      new OrgRole(
          "viewer",
          "Viewer",
          200,
          EnumSet.of(Permission.MEMBERS_VIEW, Permission.CONTENT_VIEW_SHARED));

  /** The default catalogue's guest: sees only what is theirs or shared with their teams. */
  public static final OrgRole GUEST =
      new OrgRole("guest", "Guest", 100, EnumSet.noneOf(Permission.class));

  /** The default catalogue, highest rank first, as every organisation had it before ADR 0023. */
  public static final List<OrgRole> DEFAULTS = List.of(ADMIN, MANAGER, MEMBER, VIEWER, GUEST);

  /** The key naming the role a new member gets when none is named, when the catalogue has it. */
  public static final String DEFAULT_KEY = "member";

  /** The pattern every key matches. */
  public static final String KEY_PATTERN = "^[a-z][a-z0-9_]{0,29}$";

  /** A role holding a copy of {@code permissions}. */
  public OrgRole {
    permissions = Set.copyOf(permissions);
  }

  /** The wire name: the key. */
  public String wire() {
    return key;
  }

  /** Whether this role ranks strictly above {@code other}. */
  public boolean outranks(OrgRole other) {
    return rank > other.rank;
  }

  /** The permissions it holds, as a set one may change. */
  public EnumSet<Permission> held() {
    EnumSet<Permission> held = EnumSet.noneOf(Permission.class);
    held.addAll(permissions);
    return held;
  }

  /** Whether this is the same role as {@code other}: the same key. */
  public boolean is(OrgRole other) {
    return other != null && key.equals(other.key);
  }
}
