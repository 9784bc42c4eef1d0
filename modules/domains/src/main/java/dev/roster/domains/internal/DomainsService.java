package dev.roster.domains.internal;

import dev.roster.domains.DomainAdded;
import dev.roster.domains.DomainRemoved;
import dev.roster.domains.DomainRole;
import dev.roster.domains.DomainRoleChanged;
import dev.roster.domains.DomainVerified;
import dev.roster.domains.NewDomain;
import dev.roster.domains.OrgDomainView;
import dev.roster.domains.TxtRecords;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.LinkTokens;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import dev.roster.kernel.Retried;
import dev.roster.kernel.Sql;
import dev.roster.kernel.TenantContext;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The email domains an organisation claims: added by its admins, verified by a DNS TXT record, and
 * then unique to it. A person whose verified email is of such a domain joins on first sign-in.
 */
@ApplicationScoped
@Retried
@Transactional
class DomainsService {

  /** Domains one organisation may claim. */
  static final int MAX_PER_ORG = 50;

  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

  @PersistenceContext(unitName = "roster")
  EntityManager em;

  @Inject OrgAccess access;
  @Inject Roles roles;
  @Inject TenantContext tenants;
  @Inject PublicMailDomains publicDomains;
  @Inject TxtRecords dns;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  List<OrgDomainView> list() {
    requireAdmin();
    return em
        .createNamedQuery("OrgDomain.ofOrg", OrgDomain.class)
        .setParameter("orgId", orgId())
        .getResultList()
        .stream()
        .map(OrgDomain::view)
        .toList();
  }

  OrgDomainView add(NewDomain request) {
    requireAdmin();
    if (request == null || request.domain() == null || request.domain().isBlank()) {
      throw Problems.invalidField("domain", "must not be blank");
    }
    if (request.domain().length() > 253) {
      throw Problems.invalidField("domain", "must have at most 253 characters");
    }
    String domain = normalise(request.domain());
    OrgRole role =
        request.role() == null
            ? joinRole(roles.defaultRole().key(), "role")
            : joinRole(request.role(), "role");
    if (publicDomains.isPublic(domain)) {
      throw new ProblemException(
          400,
          "public-email-domain",
          "Public email domain",
          domain
              + " is a public email domain: anyone can have an address there, so it cannot"
              + " admit people to an organisation.");
    }
    // domains added at once line up behind the cap (ADR 0014)
    Sql.lock(em, "domains:" + orgId());
    if (existing(domain).isPresent()) {
      throw Problems.conflict(
          "domain-exists", "Domain already added", domain + " is on this organisation already.");
    }
    long count =
        em.createNamedQuery("OrgDomain.ofOrg", OrgDomain.class)
            .setParameter("orgId", orgId())
            .getResultList()
            .size();
    if (count >= MAX_PER_ORG) {
      throw Problems.conflict(
          "too-many-domains",
          "Too many domains",
          "An organisation claims at most " + MAX_PER_ORG + " domains.");
    }
    OrgDomain claimed = new OrgDomain(orgId(), domain, role, LinkTokens.next(), clock.instant());
    em.persist(claimed);
    flush("domain-exists", domain + " is on this organisation already.");
    events.fire(new DomainAdded(OrgId.of(orgId()), claimed.id(), domain, role.wire()));
    return claimed.view();
  }

  /**
   * Looks the TXT record up now. Found: the domain is verified (409 {@code domain-taken} when
   * another organisation verified it first). Not found: 409 {@code verification-failed}.
   */
  OrgDomainView verify(UUID id) {
    requireAdmin();
    OrgDomain claimed = find(id);
    if (claimed.verified()) {
      return claimed.view();
    }
    Instant now = clock.instant();
    boolean found = dns.lookup(claimed.recordName()).contains(claimed.recordValue());
    if (!found) {
      throw new ProblemException(
          409,
          "verification-failed",
          "Domain not verified",
          "No TXT record '"
              + claimed.recordValue()
              + "' at "
              + claimed.recordName()
              + " yet; DNS changes can take a while to appear.");
    }
    Optional<OrgDomain> holder = verifiedHolder(claimed.domain());
    if (holder.isPresent()) {
      throw taken(claimed.domain());
    }
    claimed.checked(now, true);
    flush("domain-taken", claimed.domain() + " is verified by another organisation.");
    events.fire(
        new DomainVerified(OrgId.of(orgId()), claimed.id(), claimed.domain(), claimed.role()));
    return claimed.view();
  }

  OrgDomainView changeRole(UUID id, DomainRole request) {
    requireAdmin();
    OrgDomain claimed = find(id);
    if (request == null) {
      throw Problems.invalidField("role", "must not be blank");
    }
    claimed.changeRole(joinRole(request.role(), "role"));
    events.fire(
        new DomainRoleChanged(OrgId.of(orgId()), claimed.id(), claimed.domain(), claimed.role()));
    return claimed.view();
  }

  void remove(UUID id) {
    requireAdmin();
    OrgDomain claimed = find(id);
    em.remove(claimed);
    events.fire(
        new DomainRemoved(OrgId.of(orgId()), claimed.id(), claimed.domain(), claimed.role()));
  }

  /** The verified claim on the domain of an email, from any organisation. */
  Optional<OrgDomain> verifiedFor(String email) {
    int at = email.lastIndexOf('@');
    if (at < 0) {
      return Optional.empty();
    }
    return verifiedHolder(email.substring(at + 1).strip().toLowerCase(Locale.ROOT));
  }

  private Optional<OrgDomain> verifiedHolder(String domain) {
    return em.createNamedQuery("OrgDomain.verified", OrgDomain.class)
        .setParameter("domain", domain)
        .getResultStream()
        .findFirst();
  }

  private Optional<OrgDomain> existing(String domain) {
    return em.createNamedQuery("OrgDomain.byName", OrgDomain.class)
        .setParameter("orgId", orgId())
        .setParameter("domain", domain)
        .getResultStream()
        .findFirst();
  }

  private OrgDomain find(UUID id) {
    return Optional.ofNullable(em.find(OrgDomain.class, id))
        .filter(d -> d.orgId().equals(orgId()))
        .orElseThrow(() -> Problems.notFound("No domain " + id + " here."));
  }

  private void flush(String type, String detail) {
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (Sql.isUniqueViolation(e, "org_domain_verified_key")) {
        throw taken(detail);
      }
      if (Sql.isUniqueViolation(e, "org_domain_org_key")) {
        throw Problems.conflict(type, "Domain already added", detail);
      }
      throw e;
    }
  }

  private static ProblemException taken(String domain) {
    return Problems.conflict(
        "domain-taken",
        "Domain taken",
        domain + " is verified by another organisation; a domain admits to one only.");
  }

  /**
   * Admins are never made by domain: the join role ranks below the top role. Held until the
   * transaction ends, so that it is not deleted before the domain names it (ADR 0023).
   */
  private OrgRole joinRole(String value, String field) {
    OrgRole role = roles.hold(value, field);
    if (roles.isTop(role)) {
      throw Problems.invalidField(
          field, "must rank below the top role (" + role.key() + "): admins are made by admins");
    }
    return role;
  }

  /** The domain in lower case, checked as a DNS host name with at least two labels. */
  static String normalise(String raw) {
    String domain = raw.strip().toLowerCase(Locale.ROOT);
    if (domain.endsWith(".")) {
      domain = domain.substring(0, domain.length() - 1);
    }
    String[] labels = domain.split("\\.", -1);
    boolean valid = labels.length >= 2 && domain.length() <= 253;
    for (String label : labels) {
      valid &= LABEL.matcher(label).matches();
    }
    if (!valid || labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
      throw Problems.invalidField("domain", "must be a domain name such as example.com");
    }
    return domain;
  }

  private void requireAdmin() {
    if (!access.orgAdmin()) {
      throw Problems.forbidden("Only the organisation's admins manage its email domains.");
    }
  }

  private UUID orgId() {
    return tenants.require().orgId().value();
  }
}
