package dev.roster.domains.internal;

import dev.roster.domains.OrgDomainView;
import dev.roster.organisation.OrgRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An email domain an organisation claims, in the platform schema so that a sign-in finds the
 * organisation of a verified domain without looking through every tenant.
 */
@Entity
@Table(schema = "platform", name = "org_domain")
@NamedQuery(
    name = "OrgDomain.ofOrg",
    query = "select d from OrgDomain d where d.orgId = :orgId order by d.domain")
@NamedQuery(
    name = "OrgDomain.verified",
    query = "select d from OrgDomain d where d.domain = :domain and d.verifiedAt is not null")
@NamedQuery(
    name = "OrgDomain.byName",
    query = "select d from OrgDomain d where d.orgId = :orgId and d.domain = :domain")
class OrgDomain {

  /** The DNS name under the domain where the TXT record goes. */
  static final String RECORD_LABEL = "_roster-verification";

  @Id private UUID id;

  @Column(name = "org_id", nullable = false)
  private UUID orgId;

  @Column(nullable = false)
  private String domain;

  /** The join role's wire name ({@code member}, …), as the column holds it. */
  @Column(nullable = false)
  private String role;

  @Column(name = "verification_token", nullable = false)
  private String verificationToken;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "verified_at")
  private Instant verifiedAt;

  @Column(name = "last_checked_at")
  private Instant lastCheckedAt;

  protected OrgDomain() {}

  OrgDomain(UUID orgId, String domain, OrgRole role, String verificationToken, Instant now) {
    this.id = UUID.randomUUID();
    this.orgId = orgId;
    this.domain = domain;
    this.role = role.wire();
    this.verificationToken = verificationToken;
    this.createdAt = now;
  }

  UUID id() {
    return id;
  }

  UUID orgId() {
    return orgId;
  }

  String domain() {
    return domain;
  }

  /** The key of the role of the organisation's catalogue that people joining by it get. */
  String role() {
    return role;
  }

  void changeRole(OrgRole role) {
    this.role = role.wire();
  }

  boolean verified() {
    return verifiedAt != null;
  }

  void checked(Instant now, boolean found) {
    lastCheckedAt = now;
    if (found && verifiedAt == null) {
      verifiedAt = now;
    }
  }

  /** The TXT record's name. */
  String recordName() {
    return RECORD_LABEL + "." + domain;
  }

  /** The TXT record's value. */
  String recordValue() {
    return "roster-verification=" + verificationToken;
  }

  OrgDomainView view() {
    return new OrgDomainView(
        id,
        domain,
        role,
        verified() ? "verified" : "pending",
        new OrgDomainView.DnsRecord("TXT", recordName(), recordValue()),
        createdAt,
        verifiedAt,
        lastCheckedAt);
  }
}
