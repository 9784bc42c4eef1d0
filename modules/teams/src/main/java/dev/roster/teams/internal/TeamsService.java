package dev.roster.teams.internal;

import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import dev.roster.kernel.Retried;
import dev.roster.kernel.Sql;
import dev.roster.kernel.TeamId;
import dev.roster.kernel.TenantContext;
import dev.roster.organisation.MemberCard;
import dev.roster.organisation.Membership;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.Permission;
import dev.roster.teams.AddTeamMember;
import dev.roster.teams.ChangeTeamRole;
import dev.roster.teams.NewTeam;
import dev.roster.teams.TeamBudget;
import dev.roster.teams.TeamBudgetChanged;
import dev.roster.teams.TeamChanges;
import dev.roster.teams.TeamCreated;
import dev.roster.teams.TeamDeactivated;
import dev.roster.teams.TeamDeleted;
import dev.roster.teams.TeamFilter;
import dev.roster.teams.TeamMemberAdded;
import dev.roster.teams.TeamMemberRemoved;
import dev.roster.teams.TeamMemberRoleChanged;
import dev.roster.teams.TeamMemberView;
import dev.roster.teams.TeamOwnershipTransferred;
import dev.roster.teams.TeamProblems;
import dev.roster.teams.TeamReactivated;
import dev.roster.teams.TeamRole;
import dev.roster.teams.TeamUpdated;
import dev.roster.teams.TeamView;
import dev.roster.teams.Teams;
import dev.roster.teams.TransferOwnership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The teams of the current tenant, behind the team rules. */
// Hibernate Validator's CDI extension only intercepts types that carry a validation annotation
// themselves; the constraints live on the interface.
@ValidateOnExecution
@ApplicationScoped
@Retried
@Transactional
public class TeamsService implements Teams {

  /** The avatar colours, handed out least-used first. */
  static final List<String> PALETTE =
      List.of(
          "#e11d48", "#db2777", "#c026d3", "#9333ea", "#4f46e5", "#2563eb", "#0284c7", "#0891b2",
          "#0d9488", "#059669", "#16a34a", "#65a30d", "#ca8a04", "#d97706", "#ea580c", "#57534e");

  private static final String NAME_KEY = "team_name_key";

  @Inject TeamStore store;
  @Inject OrgAccess access;
  @Inject TeamSight sight;
  @Inject TenantContext tenants;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  @Override
  public TeamView create(NewTeam request) {
    access.require(Permission.TEAMS_CREATE);
    String name = request.name().strip();
    if (store.nameTaken(name, null)) {
      throw nameTaken(name);
    }
    UUID owner =
        Optional.ofNullable(request.ownerId())
            .or(() -> access.membership().map(Membership::memberId).map(MemberId::value))
            .orElseThrow(
                () ->
                    Problems.invalidField(
                        "ownerId", "is required when the caller is not a member"));
    if (!access.holdActiveMember(MemberId.of(owner))) {
      throw Problems.invalidField("ownerId", "must name an active member");
    }
    Instant now = clock.instant();
    Team team = new Team(name, description(request.description()), nextColour(), now);
    try {
      store.add(team, new TeamMember(team.id(), owner, TeamRole.OWNER, now));
    } catch (PersistenceException e) {
      throw Sql.isUniqueViolation(e, NAME_KEY) ? nameTaken(name) : e;
    }
    events.fire(
        new TeamCreated(orgId(), team.teamId(), team.name(), team.colour(), MemberId.of(owner)));
    return view(team);
  }

  @Override
  public Page<TeamView> list(TeamFilter filter, PageRequest page) {
    filter
        .status()
        .filter(s -> !s.equals("active") && !s.equals("deactivated"))
        .ifPresent(
            s -> {
              throw Problems.invalidField("status", "must be active or deactivated");
            });
    UUID viewer = seesAll() ? null : me().orElse(null);
    Page<Team> teams = page.page(store.page(filter, viewer, page), TeamStore::cursorOf);
    return teams.map(views(teams.items())::get);
  }

  @Override
  public TeamView get(TeamId id) {
    return view(visible(id.value()));
  }

  @Override
  public TeamView update(TeamId id, TeamChanges changes) {
    Team team = visible(id.value());
    requireActive(team);
    requireTeamRole(team, TeamRole.ADMIN);
    Instant now = clock.instant();
    String name = changes.name() == null ? null : changes.name().strip();
    if (name != null) {
      if (name.isEmpty()) {
        throw Problems.invalidField("name", "must not be blank");
      }
      if (store.nameTaken(name, team.id())) {
        throw nameTaken(name);
      }
      team.rename(name, now);
    }
    if (changes.description() != null) {
      team.describe(description(changes.description()), now);
    }
    try {
      store.flush();
    } catch (PersistenceException e) {
      throw Sql.isUniqueViolation(e, NAME_KEY) ? nameTaken(name) : e;
    }
    events.fire(
        new TeamUpdated(
            orgId(),
            team.teamId(),
            name,
            changes.description() == null ? null : changes.description().strip()));
    return view(team);
  }

  @Override
  public TeamBudget budget(TeamId id) {
    Team team = visible(id.value());
    if (!seesAll() && myRole(team).isEmpty()) {
      throw teamRoleRequired(TeamRole.VIEWER);
    }
    return team.budget().orElseThrow(() -> Problems.notFound("Team " + id + " has no budget."));
  }

  @Override
  public TeamBudget setBudget(TeamId id, TeamBudget budget) {
    Team team = lockedVisible(id.value());
    requireActive(team);
    requireTeamRole(team, TeamRole.ADMIN);
    java.util.Currency currency;
    try {
      currency = java.util.Currency.getInstance(budget.currency());
    } catch (IllegalArgumentException e) {
      throw Problems.invalidField("currency", "must be an ISO 4217 code");
    }
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    if (budget.amount().stripTrailingZeros().scale() > digits) {
      throw Problems.invalidField(
          "amount", "must have at most " + digits + " decimals in " + currency.getCurrencyCode());
    }
    TeamBudget before = team.budget().orElse(null);
    team.budget(budget, clock.instant());
    TeamBudget after = team.budget().orElseThrow();
    if (!after.equals(before)) {
      events.fire(new TeamBudgetChanged(orgId(), team.teamId(), before, after));
    }
    return after;
  }

  @Override
  public void removeBudget(TeamId id) {
    Team team = lockedVisible(id.value());
    requireActive(team);
    requireTeamRole(team, TeamRole.ADMIN);
    TeamBudget before =
        team.budget().orElseThrow(() -> Problems.notFound("Team " + id + " has no budget."));
    team.budget(null, clock.instant());
    events.fire(new TeamBudgetChanged(orgId(), team.teamId(), before, null));
  }

  @Override
  public Page<TeamMemberView> members(TeamId id, PageRequest page) {
    Team team = visible(id.value());
    Page<TeamMember> rows = page.page(store.members(team.id(), page), TeamStore::cursorOf);
    Map<MemberId, MemberCard> cards =
        access.cards(rows.items().stream().map(TeamMember::member).toList());
    return rows.map(row -> view(row, cards.get(row.member())));
  }

  @Override
  public TeamMemberView addMember(TeamId id, AddTeamMember request) {
    Team team = lockedVisible(id.value());
    boolean repair = orgAdmin();
    if (!repair) {
      requireActive(team);
      requireTeamRole(team, TeamRole.ADMIN);
    }
    if (!access.holdActiveMember(MemberId.of(request.memberId()))) {
      throw Problems.invalidField("memberId", "must name an active member of the organisation");
    }
    if (store.membership(team.id(), request.memberId()).isPresent()) {
      throw Problems.conflict(
          "team-member-exists", "Already in the team", "This member already belongs to the team.");
    }
    TeamMember row =
        new TeamMember(team.id(), request.memberId(), TeamRole.MEMBER, clock.instant());
    store.persist(row);
    events.fire(new TeamMemberAdded(orgId(), team.teamId(), row.member(), TeamRole.MEMBER));
    return view(row, access.cards(List.of(row.member())).get(row.member()));
  }

  @Override
  public TeamMemberView changeRole(TeamId id, MemberId memberId, ChangeTeamRole request) {
    Team team = lockedVisible(id.value());
    requireActive(team);
    TeamRole role = TeamRole.parse(request.role(), "role");
    if (role == TeamRole.OWNER) {
      throw Problems.invalidField(
          "role", "ownership moves only by POST teams/{id}/ownership, to keep exactly one owner");
    }
    TeamMember target = memberOf(team, memberId.value());
    if (!access.platformAdmin()) {
      TeamRole mine = myRoleAtLeast(team, TeamRole.ADMIN);
      if (!mine.outranks(target.role())) {
        throw insufficientRank(
            "Team members change only members ranked below them; this member is "
                + target.role().wire()
                + ".");
      }
      if (!mine.outranks(role)) {
        throw insufficientRank(
            "Team members assign only roles below their own: a "
                + mine.wire()
                + " assigns up to "
                + TeamRole.values()[mine.ordinal() + 1].wire()
                + ".");
      }
    }
    TeamRole from = target.role();
    if (from != role) {
      target.changeRole(role);
      events.fire(new TeamMemberRoleChanged(orgId(), team.teamId(), memberId, from, role));
    }
    return view(target, access.cards(List.of(memberId)).get(memberId));
  }

  @Override
  public void removeMember(TeamId id, MemberId memberId) {
    Team team = lockedVisible(id.value());
    TeamMember target = memberOf(team, memberId.value());
    boolean self = me().filter(memberId.value()::equals).isPresent();
    if (target.role() == TeamRole.OWNER) {
      throw Problems.conflict(
          "team-owner",
          "The owner cannot leave",
          "A team always has exactly one owner: transfer the ownership first.");
    }
    if (!self && !orgAdmin()) {
      TeamRole mine = myRoleAtLeast(team, TeamRole.ADMIN);
      if (!mine.outranks(target.role())) {
        throw insufficientRank(
            "Team members remove only members ranked below them; this member is "
                + target.role().wire()
                + ".");
      }
    }
    store.remove(target);
    events.fire(new TeamMemberRemoved(orgId(), team.teamId(), memberId, self ? "left" : "removed"));
  }

  @Override
  public TeamView transferOwnership(TeamId id, TransferOwnership request) {
    Team team = lockedVisible(id.value());
    requireOwnerOrOrgAdmin(team);
    TeamMember heir =
        store
            .membership(team.id(), request.memberId())
            .orElseThrow(
                () -> Problems.invalidField("memberId", "must name a member of this team"));
    if (!access.isActiveMember(MemberId.of(heir.memberId()))) {
      throw Problems.invalidField("memberId", "must name an active member of the organisation");
    }
    if (heir.role() != TeamRole.OWNER) {
      UUID previous = handOver(team, heir);
      events.fire(
          new TeamOwnershipTransferred(
              orgId(), team.teamId(), MemberId.of(previous), heir.member(), "transfer"));
    }
    return view(team);
  }

  /**
   * Makes {@code heir} (a row of the team) the owner and the previous owner an admin; returns the
   * previous owner. The team must be locked.
   */
  UUID handOver(Team team, TeamMember heir) {
    UUID previous = store.ownersOf(List.of(team.id())).get(team.id());
    TeamMember old = store.membership(team.id(), previous).orElseThrow();
    // one owner at every statement: the partial unique index checks each one
    old.changeRole(TeamRole.ADMIN);
    store.flush();
    heir.changeRole(TeamRole.OWNER);
    store.flush();
    return previous;
  }

  @Override
  public TeamView deactivate(TeamId id) {
    Team team = lockedVisible(id.value());
    requireOwnerOrOrgAdmin(team);
    if (team.active()) {
      team.deactivate(clock.instant());
      events.fire(new TeamDeactivated(orgId(), team.teamId()));
    }
    return view(team);
  }

  @Override
  public void delete(TeamId id) {
    Team team = lockedVisible(id.value());
    requireOwnerOrOrgAdmin(team);
    long members = store.memberIds(team.id()).size();
    events.fire(new TeamDeleted(orgId(), team.teamId(), team.name(), members));
    store.delete(team);
  }

  @Override
  public TeamView reactivate(TeamId id) {
    Team team = lockedVisible(id.value());
    requireOwnerOrOrgAdmin(team);
    if (!team.active()) {
      team.reactivate(clock.instant());
      events.fire(new TeamReactivated(orgId(), team.teamId()));
    }
    return view(team);
  }

  private void requireOwnerOrOrgAdmin(Team team) {
    if (!orgAdmin() && myRole(team).filter(r -> r == TeamRole.OWNER).isEmpty()) {
      throw TeamProblems.roleRequired("This needs the team's owner or an org admin.");
    }
  }

  /** The team when the caller may see it; 404 otherwise. */
  private Team visible(UUID id) {
    return check(store.byId(id), id);
  }

  /** The team, locked, when the caller may see it; 404 otherwise. */
  private Team lockedVisible(UUID id) {
    return check(store.lockedById(id), id);
  }

  private Team check(Optional<Team> found, UUID id) {
    return found
        .filter(sight::sees)
        .orElseThrow(() -> Problems.notFound("No team " + id + " here."));
  }

  private TeamMember memberOf(Team team, UUID memberId) {
    return store
        .membership(team.id(), memberId)
        .orElseThrow(() -> Problems.notFound("Member " + memberId + " is not in this team."));
  }

  private void requireTeamRole(Team team, TeamRole least) {
    if (!access.platformAdmin()) {
      myRoleAtLeast(team, least);
    }
  }

  /** The caller's role in the team, when it ranks at least {@code least}; a 403 otherwise. */
  private TeamRole myRoleAtLeast(Team team, TeamRole least) {
    return myRole(team).filter(r -> r.atLeast(least)).orElseThrow(() -> teamRoleRequired(least));
  }

  private static void requireActive(Team team) {
    if (!team.active()) {
      throw Problems.conflict(
          "team-deactivated", "Team deactivated", "The team is deactivated; reactivate it first.");
    }
  }

  private Optional<UUID> me() {
    return sight.me();
  }

  private Optional<TeamRole> myRole(Team team) {
    return sight.myRole(team);
  }

  /** Platform admins and org admins: they may repair any team. */
  private boolean orgAdmin() {
    return access.orgAdmin();
  }

  /** Platform admins and holders of {@code teams.view_all} list every team. */
  private boolean seesAll() {
    return sight.seesAll();
  }

  private String nextColour() {
    Map<String, Long> used = store.coloursInUse();
    return PALETTE.stream().min(Comparator.comparing(c -> used.getOrDefault(c, 0L))).orElseThrow();
  }

  private static String description(String text) {
    if (text == null) {
      return null;
    }
    String stripped = text.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  private OrgId orgId() {
    return tenants.require().orgId();
  }

  private TeamView view(Team team) {
    return views(List.of(team)).get(team);
  }

  private Map<Team, TeamView> views(List<Team> teams) {
    List<UUID> ids = teams.stream().map(Team::id).toList();
    Map<UUID, UUID> owners = store.ownersOf(ids);
    Map<UUID, Long> sizes = store.sizesOf(ids);
    Map<UUID, TeamRole> mine = me().map(m -> store.rolesOf(m, ids)).orElse(Map.of());
    Map<Team, TeamView> views = new java.util.IdentityHashMap<>();
    for (Team t : teams) {
      TeamRole role = mine.get(t.id());
      views.put(
          t,
          new TeamView(
              t.id(),
              t.name(),
              t.description(),
              t.colour(),
              t.active() ? "active" : "deactivated",
              owners.get(t.id()),
              sizes.getOrDefault(t.id(), 0L),
              role == null ? null : role.wire(),
              t.createdAt(),
              t.deactivatedAt()));
    }
    return views;
  }

  static TeamMemberView view(TeamMember row, MemberCard card) {
    return new TeamMemberView(
        row.memberId(),
        card == null ? null : card.name(),
        card == null ? null : card.email(),
        row.role().wire(),
        row.joinedAt());
  }

  private static ProblemException nameTaken(String name) {
    return Problems.conflict(
        "team-name-taken",
        "Team name taken",
        "The organisation already has a team named " + name + ".");
  }

  private static ProblemException teamRoleRequired(TeamRole least) {
    return TeamProblems.roleRequired("This needs the team role " + least.wire() + " or higher.");
  }

  private static ProblemException insufficientRank(String detail) {
    return TeamProblems.insufficientRank(detail);
  }
}
