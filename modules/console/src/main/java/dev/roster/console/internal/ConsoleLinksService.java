package dev.roster.console.internal;

import dev.roster.console.ConsoleLink;
import dev.roster.console.ConsoleLinkIssued;
import dev.roster.console.NewConsoleLink;
import dev.roster.identity.AccessToken;
import dev.roster.identity.Authentication;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.CallContext;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.LinkTokens;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import dev.roster.kernel.PublicLinks;
import dev.roster.kernel.Sql;
import dev.roster.kernel.Tenant;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.MemberDetail;
import dev.roster.organisation.Members;
import dev.roster.organisation.Organisations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One-time console links (ADR 0027). A platform admin, which is how a tenant's product calls
 * Roster, asks for a link for an active member; the first visit within its minutes signs that
 * member in with a session of their own, with exactly their rights.
 */
@ApplicationScoped
@Transactional
class ConsoleLinksService {

  static final int DEFAULT_MINUTES = 5;

  @Inject TenantData data;
  @Inject TenantContext tenants;
  @Inject CallContext calls;
  @Inject Members members;
  @Inject Organisations organisations;
  @Inject Authentication authentication;
  @Inject PublicLinks links;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  ConsoleLink issue(@NotNull @Valid NewConsoleLink request) {
    var caller = calls.requireCaller();
    if (!caller.platformAdmin() || caller.viaApiKey()) {
      throw Problems.forbidden(
          "Console links are issued to the product that runs Roster: a platform admin's session"
              + " only.");
    }
    Tenant tenant = tenants.require();
    MemberDetail member = members.detail(MemberId.of(request.memberId()));
    if (!"active".equals(member.status()) && !"inactive".equals(member.status())) {
      throw Problems.conflict(
          "member-not-active",
          "Member not active",
          "A console link signs in only a current, unsuspended member; this one is "
              + member.status()
              + ".");
    }
    String secret = LinkTokens.next();
    Instant now = clock.instant();
    Instant expires =
        now.plus(
            Duration.ofMinutes(request.minutes() == null ? DEFAULT_MINUTES : request.minutes()));
    data.platform()
        .createNativeQuery(
            "insert into platform.console_link (token_hash, org_id, account_id, member_id,"
                + " issued_by, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, LinkTokens.hash(secret))
        .setParameter(2, tenant.orgId().value())
        .setParameter(3, member.accountId())
        .setParameter(4, member.id())
        .setParameter(5, caller.accountId().value())
        .setParameter(6, Timestamp.from(now))
        .setParameter(7, Timestamp.from(expires))
        .executeUpdate();
    events.fire(new ConsoleLinkIssued(tenant.orgId(), MemberId.of(member.id()), expires));
    return new ConsoleLink(links.to("/console/#/link/" + secret), member.id(), expires);
  }

  /** Uses a link once: its session, and the slug of the organisation it opens. */
  @Transactional(dontRollbackOn = ProblemException.class)
  Opened open(String secret) {
    Instant now = clock.instant();
    String hash = LinkTokens.hash(secret.strip());
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        data.platform()
            .createNativeQuery(
                "select org_id, account_id, member_id, expires_at, used_at from"
                    + " platform.console_link where token_hash = ? for update")
            .setParameter(1, hash)
            .getResultList();
    if (rows.isEmpty()) {
      throw new ProblemException(
          404, "link-not-found", "No such link", "This console link is unknown.");
    }
    Object[] row = rows.get(0);
    if (row[4] != null) {
      throw new ProblemException(
          410, "link-used", "Link used", "This console link was used; ask for a new one.");
    }
    if (!Sql.instant(row[3]).isAfter(now)) {
      throw new ProblemException(
          410, "link-expired", "Link expired", "This console link expired; ask for a new one.");
    }
    data.platform()
        .createNativeQuery("update platform.console_link set used_at = ? where token_hash = ?")
        .setParameter(1, Timestamp.from(now))
        .setParameter(2, hash)
        .executeUpdate();
    OrgId orgId = OrgId.of(Sql.uuid(row[0]));
    AccountId accountId = AccountId.of(Sql.uuid(row[1]));
    UUID memberId = Sql.uuid(row[2]);
    // still a member of that organisation, under the same membership
    Tenant tenant =
        organisations.placesOf(accountId).stream()
            .filter(p -> p.tenant().orgId().equals(orgId))
            .filter(p -> p.memberId().value().equals(memberId))
            .map(Organisations.Place::tenant)
            .findFirst()
            .orElseThrow(
                () ->
                    new ProblemException(
                        410,
                        "link-invalid",
                        "Link no longer valid",
                        "The member this console link was issued for has left the organisation."));
    AccessToken tokens = authentication.startVouchedSession(accountId, "console-link");
    return new Opened(tokens, tenant.slug());
  }

  /** A link's session and organisation. */
  record Opened(AccessToken tokens, String org) {}
}
