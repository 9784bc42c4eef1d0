package dev.roster.organisation.internal;

import dev.roster.kernel.OrgId;
import dev.roster.kernel.Tenant;
import dev.roster.organisation.OrganisationView;
import dev.roster.organisation.RegisteredOrganisation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A registered organisation: the platform schema's record of a tenant. */
@Entity
@Table(schema = "platform", name = "organisation")
@NamedQuery(
    name = "Organisation.bySlug",
    query = "select o from Organisation o where o.slug = :slug")
@NamedQuery(name = "Organisation.page", query = "select o from Organisation o order by o.slug")
@NamedQuery(
    name = "Organisation.pageAfter",
    query = "select o from Organisation o where o.slug > :after order by o.slug")
@NamedQuery(name = "Organisation.all", query = "select o from Organisation o order by o.createdAt")
public class Organisation {

  @Id private UUID id;

  @Column(nullable = false)
  private String slug;

  @Column(nullable = false)
  private String name;

  @Column(name = "schema_name", nullable = false)
  private String schemaName;

  @Column(name = "schema_version", nullable = false)
  private String schemaVersion;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Organisation() {}

  Organisation(Tenant tenant, String name, String schemaVersion, Instant now) {
    this.id = tenant.orgId().value();
    this.slug = tenant.slug();
    this.name = name.strip();
    this.schemaName = tenant.schema();
    this.schemaVersion = schemaVersion;
    this.createdAt = now;
  }

  Tenant tenant() {
    return new Tenant(OrgId.of(id), slug, schemaName);
  }

  String name() {
    return name;
  }

  String schemaVersion() {
    return schemaVersion;
  }

  void migratedTo(String version) {
    this.schemaVersion = version;
  }

  OrganisationView view() {
    return new OrganisationView(id, slug, name, createdAt);
  }

  RegisteredOrganisation registered() {
    return new RegisteredOrganisation(id, slug, name, createdAt, schemaVersion);
  }
}
