package dev.roster.organisation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/**
 * The platform's index of which accounts belong to which organisations, so that "my organisations"
 * needs no search through every tenant schema. Role and status stay in the tenant.
 */
@Entity
@Table(schema = "platform", name = "membership")
@NamedQuery(
    name = "MembershipIndex.ofAccount",
    query = "select m from MembershipIndex m where m.key.accountId = :accountId")
public class MembershipIndex {

  /** The composite key: one row per account and organisation. */
  @Embeddable
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "account_id")
    UUID accountId;

    @Column(name = "org_id")
    UUID orgId;

    protected Key() {}

    Key(UUID accountId, UUID orgId) {
      this.accountId = accountId;
      this.orgId = orgId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.accountId.equals(accountId) && k.orgId.equals(orgId);
    }

    @Override
    public int hashCode() {
      return accountId.hashCode() * 31 + orgId.hashCode();
    }
  }

  @EmbeddedId private Key key;

  @Column(name = "member_id", nullable = false)
  private UUID memberId;

  protected MembershipIndex() {}

  MembershipIndex(UUID accountId, UUID orgId, UUID memberId) {
    this.key = new Key(accountId, orgId);
    this.memberId = memberId;
  }

  UUID memberId() {
    return memberId;
  }

  UUID orgId() {
    return key.orgId;
  }
}
