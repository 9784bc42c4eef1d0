package dev.roster.organisation;

import java.util.List;
import java.util.Optional;

/**
 * The role catalogue of the organisation of the current call (ADR 0023). Every rule about roles
 * reads ranks and permissions from here, never from fixed names.
 */
public interface Roles {

  /** The organisation's roles, highest rank first. */
  List<OrgRole> all();

  /** The role with {@code key}, if the catalogue has one. */
  Optional<OrgRole> find(String key);

  /** The role with {@code key}; a 400 problem on {@code field} when the catalogue has none. */
  OrgRole parse(String key, String field);

  /**
   * The role with {@code key}, its row key-share locked until the transaction ends, so that it
   * cannot be deleted before the transaction writes it somewhere no foreign key protects (a
   * domain's join role, a pending seat in the platform schema); a 400 problem on {@code field} when
   * the catalogue has none.
   */
  OrgRole hold(String key, String field);

  /** The role of the highest rank: its members are the organisation's admins. */
  OrgRole top();

  /** Whether {@code role} is the top role. */
  default boolean isTop(OrgRole role) {
    return role.is(top());
  }

  /**
   * The role a newcomer gets when none is named: {@value OrgRole#DEFAULT_KEY} when the catalogue
   * has it, else its lowest role.
   */
  default OrgRole defaultRole() {
    List<OrgRole> all = all();
    return find(OrgRole.DEFAULT_KEY).orElse(all.get(all.size() - 1));
  }
}
