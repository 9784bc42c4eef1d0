package dev.roster.organisation;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A role of the organisation's catalogue and what it may do.
 *
 * @param key the key members carry, such as {@code trusted}; never changes
 * @param name the display name
 * @param rank from 1 to 1000; a higher rank outranks a lower one
 * @param permissions what its members hold before their own overrides, in catalogue order
 * @param top whether this is the top role, whose members are the organisation's admins
 */
public record RoleView(
    @Schema(ref = "OrgRole") String key,
    String name,
    int rank,
    @Schema(type = SchemaType.ARRAY, implementation = Permission.class) List<String> permissions,
    boolean top) {

  /** The view of {@code role} in a catalogue whose top role is {@code top}. */
  public static RoleView of(OrgRole role, OrgRole top) {
    return new RoleView(
        role.key(), role.name(), role.rank(), Permission.wires(role.permissions()), role.is(top));
  }
}
