package dev.roster.invitations.internal;

import dev.roster.content.ProjectGrants;
import dev.roster.identity.AccountView;
import dev.roster.identity.Accounts;
import dev.roster.identity.PreparedPassword;
import dev.roster.invitations.AcceptInvitation;
import dev.roster.invitations.AcceptedInvitation;
import dev.roster.invitations.InvitationLinks;
import dev.roster.invitations.InvitationPreview;
import dev.roster.invitations.InvitationStatusChanged;
import dev.roster.invitations.TeamGrant;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.LinkTokens;
import dev.roster.kernel.Mailer;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import dev.roster.kernel.PublicLinks;
import dev.roster.kernel.Retried;
import dev.roster.kernel.TeamId;
import dev.roster.kernel.Tenant;
import dev.roster.kernel.TenantContext;
import dev.roster.organisation.Admission;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.OrganisationView;
import dev.roster.organisation.Organisations;
import dev.roster.organisation.Permission;
import dev.roster.organisation.Roles;
import dev.roster.teams.TeamAccess;
import dev.roster.teams.TeamRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Invitation links: what they show, and accepting them. No organisation in the URL. */
@ValidateOnExecution
@ApplicationScoped
public class InvitationLinksService implements InvitationLinks {

  @Inject TokenIndex index;
  @Inject Organisations organisations;
  @Inject TenantContext tenants;
  @Inject Inside inside;
  @Inject CallContext calls;
  @Inject Accounts accounts;

  @Override
  public InvitationPreview preview(String token) {
    Link link = resolve(token);
    return tenants.call(link.tenant(), () -> inside.preview(link));
  }

  @Override
  public AcceptedInvitation accept(String token, AcceptInvitation request) {
    Link link = resolve(token);
    AcceptInvitation body = request == null ? new AcceptInvitation(null, null) : request;
    // a new account's password is hashed before the acceptance's transaction, never inside it,
    // and only for a link that can be used
    Optional<PreparedPassword> password = Optional.empty();
    if (calls.caller().isEmpty() && body.password() != null) {
      String email = tenants.call(link.tenant(), () -> inside.preview(link)).email();
      password = Optional.of(accounts.prepare(body.password(), email, "password"));
    }
    Optional<PreparedPassword> prepared = password;
    return tenants.call(link.tenant(), () -> inside.accept(link, body, prepared));
  }

  private Link resolve(String token) {
    InvitationToken found = index.find(token).orElseThrow(InvitationLinksService::unknown);
    OrganisationView org =
        organisations.byId(OrgId.of(found.orgId())).orElseThrow(InvitationLinksService::unknown);
    Tenant tenant = organisations.tenant(org.slug()).orElseThrow(InvitationLinksService::unknown);
    return new Link(tenant, org, found.invitationId(), LinkTokens.hash(token));
  }

  static ProblemException unknown() {
    return new ProblemException(
        404,
        "invitation-not-found",
        "No such invitation",
        "This invitation link is unknown, or was replaced by a newer one.");
  }

  /** A link resolved to its organisation and invitation. */
  record Link(Tenant tenant, OrganisationView org, UUID invitationId, String tokenHash) {}

  /** The work inside the organisation's schema, one transaction each. */
  @ApplicationScoped
  @Retried
  @Transactional
  public static class Inside {

    @Inject InvitationStore store;
    @Inject Accounts accounts;
    @Inject Admission admission;
    @Inject OrgAccess access;
    @Inject Roles roles;
    @Inject TeamAccess teams;
    @Inject ProjectGrants projectGrants;
    @Inject CallContext calls;
    @Inject Event<DomainEvent> events;
    @Inject Clock clock;
    @Inject Mailer mailer;
    @Inject PublicLinks links;

    InvitationPreview preview(Link link) {
      Invitation invitation = usable(store.byId(link.invitationId()), link, clock.instant());
      return new InvitationPreview(
          link.org().name(),
          link.org().slug(),
          invitation.inviterName(),
          invitation.email(),
          invitation.role(),
          invitation.message(),
          invitation.expiresAt());
    }

    AcceptedInvitation accept(
        Link link, AcceptInvitation request, Optional<PreparedPassword> password) {
      Instant now = clock.instant();
      Invitation invitation = usable(store.lockedById(link.invitationId()), link, now);
      requireOfferStands(invitation);
      Optional<Caller> caller = calls.caller();
      AccountView account;
      if (caller.isPresent()) {
        if (!caller.get().email().equalsIgnoreCase(invitation.email())) {
          throw new ProblemException(
              403,
              "invitation-email-mismatch",
              "Invitation for another email",
              "This invitation is for another email address than the signed-in account's.");
        }
        // the link reached this mailbox and its account's holder followed it: the address is theirs
        accounts.proven(caller.get().accountId(), "invitation");
        account = accounts.byId(caller.get().accountId()).orElseThrow();
      } else {
        if (request.name() == null || request.name().isBlank()) {
          throw Problems.invalidField("name", "is required to create the account");
        }
        if (password.isEmpty()) {
          throw Problems.invalidField("password", "is required to create the account");
        }
        account =
            accounts.claim(
                invitation.email(), request.name().strip(), password.get(), "invitation");
      }
      MemberId member = admission.admit(account, invitation.role(), "invitation");
      List<UUID> joined = new ArrayList<>();
      for (TeamGrant grant : invitation.teamGrants()) {
        if (teams.enrol(TeamId.of(grant.teamId()), member, TeamRole.parse(grant.role(), "role"))) {
          joined.add(grant.teamId());
        }
      }
      List<UUID> assigned = new ArrayList<>();
      for (UUID project : invitation.projectIds()) {
        if (projectGrants.grant(project, member)) {
          assigned.add(project);
        }
      }
      invitation.accept(member.value(), now);
      mailer.queue(
          InvitationMail.welcome(
              account.email(),
              account.name(),
              link.org().name(),
              roles.find(invitation.role()).map(OrgRole::name).orElse(invitation.role()),
              links.to("/api/v1/orgs/" + link.org().slug() + "/me/onboarding")));
      events.fire(
          new InvitationStatusChanged(
              link.tenant().orgId(), invitation.id(), "invitation.accepted", member));
      return new AcceptedInvitation(
          link.tenant().orgId().value(),
          link.org().slug(),
          member.value(),
          account.id(),
          invitation.role(),
          joined,
          assigned);
    }

    /**
     * The inviter must still hold the rights the offer was made with: an active member holding
     * {@code members.invite}, ranked at least the offered role; for each team grant below an org
     * admin, a team admin ranked above the granted role there; and for each project, its owner or a
     * holder of {@code content.manage}. A platform admin holds them all. Else 410 {@code
     * invitation-withdrawn}.
     */
    private void requireOfferStands(Invitation invitation) {
      boolean platformAdmin =
          accounts
              .byId(AccountId.of(invitation.inviterAccountId()))
              .map(AccountView::platformAdmin)
              .orElse(false);
      if (platformAdmin) {
        return;
      }
      OrgRole role = roles.parse(invitation.role(), "role");
      MemberId by = MemberId.ofNullable(invitation.inviterMemberId());
      Optional<OrgRole> inviter = Optional.ofNullable(by).flatMap(admission::activeRole);
      boolean stands =
          inviter.isPresent()
              && !role.outranks(inviter.get())
              && access.memberHolds(by, Permission.MEMBERS_INVITE)
              && role.permissions().stream().allMatch(p -> access.memberHolds(by, p));
      if (stands && !roles.isTop(inviter.get())) {
        for (TeamGrant grant : invitation.teamGrants()) {
          TeamRole granted = TeamRole.parse(grant.role(), "role");
          stands &=
              teams
                  .roleIn(TeamId.of(grant.teamId()), by)
                  .filter(r -> r.atLeast(TeamRole.ADMIN) && r.outranks(granted))
                  .isPresent();
        }
      }
      for (UUID project : invitation.projectIds()) {
        stands = stands && projectGrants.grantableBy(project, by);
      }
      if (!stands) {
        throw gone(
            "invitation-withdrawn",
            "Invitation withdrawn",
            "Whoever invited you no longer holds the rights this invitation offers; ask for a new"
                + " one.");
      }
    }

    /** The invitation when its link can be used now; else the problem that says why not. */
    private static Invitation usable(Optional<Invitation> found, Link link, Instant now) {
      Invitation invitation =
          found
              .filter(i -> i.tokenHash().equals(link.tokenHash()))
              .orElseThrow(InvitationLinksService::unknown);
      if (invitation.accepted()) {
        throw gone("invitation-used", "Invitation used", "This invitation was accepted already.");
      }
      if (invitation.revoked()) {
        throw gone("invitation-revoked", "Invitation revoked", "This invitation was revoked.");
      }
      if (!invitation.openAt(now)) {
        throw gone(
            "invitation-expired",
            "Invitation expired",
            "This invitation expired at " + invitation.expiresAt() + "; ask for a new one.");
      }
      return invitation;
    }

    private static ProblemException gone(String type, String title, String detail) {
      return new ProblemException(410, type, title, detail);
    }
  }
}
