package dev.roster.organisation.internal;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The organisation's settings row as the tenant guard read it for this request, one statement
 * outside any transaction (ADR 0001). Reads in the same request that need no lock take it from here
 * instead of reading the row again: a member page then runs one transaction, not two. What decides
 * a cap or a state reads the row in its own transaction, under its lock, as before.
 */
@RequestScoped
class DoorSettings {

  private String schema;
  private OrganisationSettings settings;

  /** Keeps what the guard read for the tenant with this schema. */
  void keep(String schema, OrganisationSettings settings) {
    this.schema = schema;
    this.settings = settings;
  }

  /**
   * What the guard read for the tenant with this schema; empty for another tenant. (Called through
   * the bean's proxy, never by reading its fields: a proxy's fields are not the request's.)
   */
  Optional<OrganisationSettings> forSchema(String schema) {
    return schema.equals(this.schema) ? Optional.ofNullable(settings) : Optional.empty();
  }

  /**
   * What the guard read for the tenant with this schema; empty for another tenant, or where no
   * request runs (a scheduled job, an event handled after the request).
   */
  static Optional<OrganisationSettings> of(DoorSettings door, String schema) {
    try {
      return door.forSchema(schema);
    } catch (ContextNotActiveException noRequest) {
      return Optional.empty();
    }
  }
}
