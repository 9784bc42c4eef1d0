package dev.roster.invitations.internal;

import dev.roster.content.ProjectGrants;
import dev.roster.identity.AccountView;
import dev.roster.identity.Accounts;
import dev.roster.invitations.BulkReport;
import dev.roster.invitations.BulkRow;
import dev.roster.invitations.InvitationCreated;
import dev.roster.invitations.InvitationFilter;
import dev.roster.invitations.InvitationStatusChanged;
import dev.roster.invitations.InvitationView;
import dev.roster.invitations.Invitations;
import dev.roster.invitations.NewInvitation;
import dev.roster.invitations.TeamGrant;
import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.LinkTokens;
import dev.roster.kernel.Mailer;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import dev.roster.kernel.PublicLinks;
import dev.roster.kernel.RateLimits;
import dev.roster.kernel.Retried;
import dev.roster.kernel.TeamId;
import dev.roster.kernel.Tenant;
import dev.roster.kernel.TenantContext;
import dev.roster.organisation.Admission;
import dev.roster.organisation.Membership;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.Organisations;
import dev.roster.organisation.Permission;
import dev.roster.organisation.Roles;
import dev.roster.organisation.Seats;
import dev.roster.teams.TeamAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.executable.ValidateOnExecution;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The organisation's invitations, behind {@code members.invite} and the rank rules. */
// Hibernate Validator's CDI extension only intercepts types that carry a validation annotation
// themselves; the constraints live on the interface.
@ValidateOnExecution
@ApplicationScoped
@Retried
@Transactional
public class InvitationsService implements Invitations {

  static final Set<String> STATUSES = Set.of("pending", "resent", "accepted", "expired", "revoked");
  static final Jsonb JSON = JsonbBuilder.create();
  static final Type GRANTS = new ArrayList<TeamGrant>() {}.getClass().getGenericSuperclass();
  static final Type IDS = new ArrayList<UUID>() {}.getClass().getGenericSuperclass();

  @Inject InvitationStore store;
  @Inject OrgAccess access;
  @Inject Roles roles;
  @Inject Seats seats;
  @Inject Admission admission;
  @Inject TeamAccess teams;
  @Inject ProjectGrants grantable;
  @Inject Organisations organisations;
  @Inject Accounts accounts;
  @Inject TenantContext tenants;
  @Inject CallContext calls;
  @Inject Mailer mailer;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;
  @Inject Validator validator;

  @Inject PublicLinks links;

  @Inject
  @ConfigProperty(name = "ROSTER_INVITES_PER_HOUR", defaultValue = "200")
  int invitesPerHour;

  @Inject
  @ConfigProperty(name = "ROSTER_RESENDS_PER_HOUR", defaultValue = "3")
  int resendsPerHour;

  /** Invitations one inviter may send again per hour, across organisations. */
  @Inject
  @ConfigProperty(name = "ROSTER_RESENDS_PER_INVITER_HOUR", defaultValue = "30")
  int resendsPerInviter;

  /**
   * Rows a bulk import writes before it flushes them and lets go of their entities: the import
   * stays one transaction, in bounded memory.
   */
  private static final int BULK_BATCH = 500;

  /** The lock key of the organisation's invitations as a whole (ADR 0014). */
  private static final String INVITATIONS = "invitations";

  @Inject RateLimits limits;

  @Override
  public InvitationView invite(NewInvitation request) {
    access.require(Permission.MEMBERS_INVITE);
    Instant now = clock.instant();
    // lock order (ADR 0014): the organisation's invitations (shared; a bulk import takes it whole),
    // the address, the seats, then, last, the inviter's count: invitations to one address line up
    // behind the one-open-invitation rule, and an inviter's invitations behind the hourly cap only
    // for their last statements, not for the whole of their work
    store.lockShared(INVITATIONS);
    store.lock("address:" + request.email().strip().toLowerCase(java.util.Locale.ROOT));
    Checked checked = check(request, now);
    Caller caller = calls.requireCaller();
    // a caller over the cap is told so before anything is written
    requireUnderHourlyCap(caller, now, null);
    seats.requireRoomFor(null);
    InvitationView made = write(checked, request.expiresInDays(), now, sender());
    // the count that decides: under the inviter's lock, which the transaction holds until it
    // commits, every invitation of the inviter's made before is committed and counted
    store.lock("inviter:" + caller.accountId());
    requireUnderHourlyCap(caller, now, made.id());
    return made;
  }

  @Override
  public BulkReport bulk(List<BulkRow> rows, boolean dryRun) {
    access.require(Permission.MEMBERS_INVITE);
    Instant now = clock.instant();
    if (!dryRun) {
      // one lock for the whole file rather than one per address: single invitations wait for it
      store.lock(INVITATIONS);
      store.flushOnCommitOnly();
    }
    Sender sender = dryRun ? null : sender();
    // the room the member limit leaves, counted once under the seat lock: the file's own rows are
    // not written until it ends, so a count per row would not see them
    long room = seats.room();
    Map<String, UUID> teamIds = new HashMap<>();
    Set<String> seen = new HashSet<>();
    List<BulkReport.Result> results = new ArrayList<>();
    int accepted = 0;
    for (BulkRow row : rows) {
      String email = row.email() == null ? "" : row.email().strip();
      BulkReport.Result result;
      try {
        List<TeamGrant> teamGrants = new ArrayList<>();
        for (String name : row.teams()) {
          UUID team =
              teamIds.computeIfAbsent(
                  name.toLowerCase(Locale.ROOT),
                  n ->
                      teams
                          .activeTeamNamed(name)
                          .map(TeamId::value)
                          .orElseThrow(
                              () -> refused("unknown-team", "No active team named " + name + ".")));
          teamGrants.add(new TeamGrant(team, null));
        }
        NewInvitation request =
            new NewInvitation(email, row.role(), teamGrants, List.of(), null, null);
        Set<ConstraintViolation<NewInvitation>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
          throw refused("bad-email", "Not a valid email address.");
        }
        if (!seen.add(email.toLowerCase(Locale.ROOT))) {
          throw refused("duplicate-in-file", "The file names this email on an earlier line.");
        }
        Checked checked = check(request, now);
        if (room <= 0) {
          throw new ProblemException(
              409,
              "seat-limit-reached",
              "Seat limit reached",
              "The organisation's member limit leaves no room for this invitation.");
        }
        room--;
        if (dryRun) {
          result = new BulkReport.Result(row.line(), email, "invite", null, null, null);
        } else {
          InvitationView made = write(checked, null, now, sender);
          result = new BulkReport.Result(row.line(), email, "invited", null, null, made.id());
          if ((accepted + 1) % BULK_BATCH == 0) {
            store.flushAndForget();
          }
        }
        accepted++;
      } catch (ProblemException e) {
        result =
            new BulkReport.Result(
                row.line(), email, "refused", reason(e), e.problem().detail(), null);
      }
      results.add(result);
    }
    return new BulkReport(dryRun, rows.size(), accepted, rows.size() - accepted, results);
  }

  /** The bulk reason code of a refusal. */
  private static String reason(ProblemException e) {
    String type = e.problem().type().substring(Problems.BASE.length());
    String field = e.problem().errors().isEmpty() ? "" : e.problem().errors().get(0).field();
    return switch (type) {
      case "validation" ->
          switch (field) {
            case "role" -> "unknown-role";
            case "teams" -> "unknown-team";
            default -> "bad-email";
          };
      case "insufficient-rank" -> "role-above-inviter";
      case "team-role-required", "insufficient-team-rank" -> "team-not-allowed";
      default -> type;
    };
  }

  private static ProblemException refused(String reason, String detail) {
    return new ProblemException(400, reason, "Refused", detail);
  }

  /**
   * An invitation request that passed every rule: who, with what, and an expired open invitation
   * for the same email that the new one replaces.
   */
  private record Checked(
      String email,
      OrgRole role,
      List<TeamGrant> grants,
      List<UUID> projects,
      String message,
      Optional<Invitation> expired) {}

  /** Applies every rule to {@code request} without writing anything. */
  private Checked check(NewInvitation request, Instant now) {
    String email = request.email().strip();
    OfferPolicy.Inviter inviter = inviter();
    OrgRole role = OfferPolicy.role(request.role(), inviter, roles);
    List<TeamGrant> grants = OfferPolicy.teams(request.teams(), inviter, this::activeTeam);
    List<UUID> projects = OfferPolicy.projects(request.projects(), this::requireGrantable);
    String message =
        Optional.ofNullable(request.message())
            .map(String::strip)
            .filter(m -> !m.isEmpty())
            .orElse(null);
    if (admission.isCurrentMember(email)) {
      throw Problems.conflict(
          "already-member", "Already a member", "Someone with this email is a member already.");
    }
    Optional<Invitation> open = store.pendingFor(email);
    if (open.isPresent() && open.get().openAt(now)) {
      throw alreadyInvited(open.get());
    }
    return new Checked(email, role, grants, projects, message, open);
  }

  /**
   * Who sends invitations in this request: the caller, their name and the organisation's, read once
   * per request rather than once per invitation.
   */
  private record Sender(Caller caller, UUID memberId, String name, Tenant tenant, String org) {}

  private Sender sender() {
    Caller caller = calls.requireCaller();
    Tenant tenant = tenants.require();
    return new Sender(
        caller,
        access.membership().map(Membership::memberId).map(MemberId::value).orElse(null),
        accounts.byId(caller.accountId()).map(AccountView::name).orElse(caller.email()),
        tenant,
        organisationName(tenant));
  }

  /** Writes a checked invitation and queues its email. */
  private InvitationView write(Checked checked, Integer expiresInDays, Instant now, Sender sender) {
    checked
        .expired()
        .ifPresent(
            old -> {
              old.expire();
              store.flush();
              // it ran out before the sweep announced it; this is its announcement
              events.fire(
                  new InvitationStatusChanged(
                      sender.tenant().orgId(), old.id(), "invitation.expired", null));
            });
    String token = LinkTokens.next();
    Invitation invitation =
        new Invitation(
            checked.email(),
            checked.role().wire(),
            JSON.toJson(checked.grants()),
            JSON.toJson(checked.projects()),
            checked.message(),
            sender.memberId(),
            sender.caller().accountId().value(),
            sender.name(),
            LinkTokens.hash(token),
            now,
            Duration.ofDays(expiresInDays == null ? 7 : expiresInDays));
    store.add(invitation, sender.tenant().orgId().value(), LinkTokens.hash(token));
    mailer.queue(
        InvitationMail.of(
            invitation,
            checked.role().name(),
            sender.org(),
            links.to("/api/v1/invitations/" + token)));
    events.fire(
        new InvitationCreated(
            sender.tenant().orgId(),
            invitation.id(),
            checked.email(),
            checked.role().wire(),
            checked.grants(),
            invitation.expiresAt()));
    return view(invitation, now);
  }

  @Override
  public Page<InvitationView> list(InvitationFilter filter, PageRequest page) {
    access.require(Permission.MEMBERS_INVITE);
    filter
        .status()
        .filter(s -> !STATUSES.contains(s))
        .ifPresent(
            s -> {
              throw Problems.invalidField(
                  "status", "must be one of pending, resent, accepted, expired, revoked");
            });
    Instant now = clock.instant();
    return page.page(
            store.page(filter.status(), filter.search(), page, now), InvitationStore::cursorOf)
        .map(i -> view(i, now));
  }

  @Override
  public InvitationView resend(UUID id) {
    access.require(Permission.MEMBERS_INVITE);
    Invitation invitation = locked(id);
    requireMayMake(invitation);
    Instant now = clock.instant();
    store.lock("address:" + invitation.email().toLowerCase(Locale.ROOT));
    String shown = invitation.statusAt(now);
    if (invitation.accepted() || invitation.revoked()) {
      throw closed(shown);
    }
    invitation
        .resendBlockedUntil(resendsPerHour, now)
        .ifPresent(
            until -> {
              throw tooMany(
                  "This invitation was sent again "
                      + resendsPerHour
                      + " times within the hour; try later.",
                  now,
                  until);
            });
    // per recipient: any organisation's invitations to this address count
    mailer.requireRoomFor(invitation.email());
    // per account: the resends of one inviter, in every organisation
    limits
        .hit(
            "invitation-resend:" + calls.requireCaller().accountId(),
            resendsPerInviter,
            Duration.ofHours(1))
        .ifPresent(
            wait -> {
              throw Problems.tooManyRequests(
                  "You sent "
                      + resendsPerInviter
                      + " invitations again within the hour; try again later.",
                  wait);
            });
    if (shown.equals(Invitation.EXPIRED)) {
      store
          .pendingFor(invitation.email())
          .filter(other -> !other.id().equals(invitation.id()))
          .ifPresent(
              other -> {
                throw alreadyInvited(other);
              });
    }
    String token = LinkTokens.next();
    String oldHash = invitation.tokenHash();
    invitation.resend(LinkTokens.hash(token), now);
    Tenant tenant = tenants.require();
    store.relink(tenant.orgId().value(), invitation, oldHash, LinkTokens.hash(token));
    mailer.queue(
        InvitationMail.of(
            invitation,
            roles.find(invitation.role()).map(OrgRole::name).orElse(invitation.role()),
            organisationName(tenant),
            links.to("/api/v1/invitations/" + token)));
    events.fire(
        new InvitationStatusChanged(tenant.orgId(), invitation.id(), "invitation.resent", null));
    return view(invitation, now);
  }

  @Override
  public InvitationView revoke(UUID id) {
    access.require(Permission.MEMBERS_INVITE);
    Invitation invitation = locked(id);
    requireMayMake(invitation);
    Instant now = clock.instant();
    if (!invitation.openAt(now)) {
      throw closed(invitation.statusAt(now));
    }
    invitation.revoke(now);
    events.fire(
        new InvitationStatusChanged(
            tenants.require().orgId(), invitation.id(), "invitation.revoked", null));
    return view(invitation, now);
  }

  /**
   * Refuses (429) when the caller made {@code ROSTER_INVITES_PER_HOUR} invitations here within the
   * last hour, besides {@code made} (the one this transaction wrote, if any); Retry-After says when
   * enough of them leave the window to make room for one more. Thrown after the write, it rolls the
   * invitation, its email and its audit entry back with the transaction.
   */
  private void requireUnderHourlyCap(Caller caller, Instant now, UUID made) {
    store
        .capReachedSince(
            caller.accountId().value(), now.minus(Duration.ofHours(1)), invitesPerHour, made)
        .ifPresent(
            oldest -> {
              throw tooMany(
                  "At most " + invitesPerHour + " invitations per inviter and hour; try later.",
                  now,
                  oldest.plus(Duration.ofHours(1)));
            });
  }

  private static ProblemException tooMany(String detail, Instant now, Instant until) {
    return Problems.tooManyRequests(detail, Duration.between(now, until).plusSeconds(1));
  }

  /**
   * Resending or revoking an offer needs the rights that making it needs: its rank, its team roles
   * and its projects.
   */
  private void requireMayMake(Invitation invitation) {
    OfferPolicy.Inviter inviter = inviter();
    OfferPolicy.requireRank(roles.parse(invitation.role(), "role"), inviter);
    OfferPolicy.teams(invitation.teamGrants(), inviter, this::activeTeam);
    OfferPolicy.projects(invitation.projectIds(), this::requireGrantable);
  }

  /** The caller as an inviter: their rank here and, read when asked, their team roles. */
  private OfferPolicy.Inviter inviter() {
    Optional<Membership> me = access.membership();
    return new OfferPolicy.Inviter(
        access.platformAdmin(),
        access.orgAdmin(),
        me.map(Membership::role),
        access.held(),
        team -> me.flatMap(m -> teams.roleIn(TeamId.of(team), m.memberId())));
  }

  private boolean activeTeam(UUID team) {
    return teams.isActive(TeamId.of(team));
  }

  private void requireGrantable(UUID project) {
    grantable.requireGrantable(project, "projects");
  }

  /** The invitation, locked: resend, revoke and acceptance of one invitation line up. */
  private Invitation locked(UUID id) {
    return store
        .lockedById(id)
        .orElseThrow(() -> Problems.notFound("No invitation " + id + " here."));
  }

  private ProblemException alreadyInvited(Invitation open) {
    return new ProblemException(
        Problems.conflict(
                "already-invited",
                "Already invited",
                "An open invitation for this email exists: " + open.id() + ".")
            .problem()
            .at("/api/v1/orgs/" + tenants.require().slug() + "/invitations/" + open.id()));
  }

  private static ProblemException closed(String status) {
    return Problems.conflict(
        "invitation-closed", "Invitation closed", "The invitation is " + status + ".");
  }

  private String organisationName(Tenant tenant) {
    return organisations.byId(tenant.orgId()).map(o -> o.name()).orElse(tenant.slug());
  }

  static InvitationView view(Invitation i, Instant now) {
    return new InvitationView(
        i.id(),
        i.email(),
        i.role(),
        i.teamGrants(),
        i.projectIds(),
        i.message(),
        i.inviterAccountId(),
        i.inviterName(),
        i.statusAt(now),
        i.resendCount(),
        i.sentAt(),
        i.expiresAt(),
        i.createdAt());
  }
}
