package dev.roster.scim.internal;

import java.util.UUID;

/** What SCIM resource paths name. */
final class ScimResources {

  private ScimResources() {}

  /** The id in a resource's path; an id that is no UUID names nothing here (404). */
  static UUID id(String text, String type) {
    UUID id = text == null || text.length() != 36 ? null : ScimLists.uuid(text);
    if (id == null) {
      throw ScimError.notFound("No " + type + " " + text + ".");
    }
    return id;
  }
}
