package dev.roster.organisation.internal;

import dev.roster.organisation.MemberStatus;
import dev.roster.organisation.Membership;
import dev.roster.organisation.OrgRole;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/**
 * A member of one organisation, in that organisation's schema. Name and email are copied from the
 * account when joining, so that a removed member stays readable in the audit trail.
 */
@Entity
@Table(name = "member")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(
    type = TenantTableDiscriminatorType.SCHEMA,
    contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = "Member.currentByAccount",
    query = "select m from Member m where m.accountId = :accountId and m.status <> :removed")
public class Member {

  @Id private UUID id;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String email;

  @Column(nullable = false)
  @Convert(converter = Converters.Role.class)
  private OrgRole role;

  @Column(nullable = false)
  @Convert(converter = Converters.Status.class)
  private MemberStatus status;

  @Column(name = "joined_at", nullable = false)
  private Instant joinedAt;

  @Column(name = "last_active_at")
  private Instant lastActiveAt;

  protected Member() {}

  Member(UUID accountId, String name, String email, OrgRole role, Instant now) {
    this.id = UUID.randomUUID();
    this.accountId = accountId;
    this.name = name;
    this.email = email;
    this.role = role;
    this.status = MemberStatus.ACTIVE;
    this.joinedAt = now;
  }

  UUID id() {
    return id;
  }

  UUID accountId() {
    return accountId;
  }

  String name() {
    return name;
  }

  String email() {
    return email;
  }

  OrgRole role() {
    return role;
  }

  MemberStatus status() {
    return status;
  }

  Instant joinedAt() {
    return joinedAt;
  }

  Instant lastActiveAt() {
    return lastActiveAt;
  }

  Membership membership() {
    return new Membership(id, accountId, role);
  }
}
