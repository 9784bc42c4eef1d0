package dev.roster.content.internal;

import dev.roster.content.ContentChanges;
import dev.roster.content.ContentCreated;
import dev.roster.content.ContentEdited;
import dev.roster.content.ContentFilter;
import dev.roster.content.ContentItemView;
import dev.roster.content.ContentReassigned;
import dev.roster.content.Contents;
import dev.roster.content.NewContent;
import dev.roster.content.ProjectGrants;
import dev.roster.content.Reassign;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.Identifier;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import dev.roster.kernel.Problems;
import dev.roster.kernel.Retried;
import dev.roster.kernel.TeamId;
import dev.roster.kernel.TenantContext;
import dev.roster.organisation.Membership;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.Permission;
import dev.roster.organisation.spi.MemberContent;
import dev.roster.teams.TeamAccess;
import dev.roster.teams.TeamProblems;
import dev.roster.teams.TeamRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** The content registry of the current tenant. */
// Hibernate Validator's CDI extension only intercepts types that carry a validation annotation
// themselves; the constraints live on the interface.
@ValidateOnExecution
@ApplicationScoped
@Retried
@Transactional
public class ContentsService implements Contents, MemberContent, ProjectGrants {

  static final Set<String> KINDS = Set.of("project", "report", "dataset", "source", "conversation");
  static final Set<String> VISIBILITIES = Set.of("private", "team", "org");

  @Inject ContentStore store;
  @Inject OrgAccess access;
  @Inject TeamAccess teams;
  @Inject TenantContext tenants;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  @Override
  public ContentItemView create(NewContent request) {
    access.require(Permission.CONTENT_CREATE);
    String kind = oneOf(request.kind(), KINDS, "kind");
    String visibility = oneOf(request.visibility(), VISIBILITIES, "visibility");
    Placement.ofNew(visibility, request.teamId());
    if (request.teamId() != null) {
      requireTeamUse(request.teamId());
    }
    Optional<UUID> me = me();
    UUID owner =
        Optional.ofNullable(request.ownerId())
            .or(() -> me)
            .orElseThrow(
                () ->
                    Problems.invalidField(
                        "ownerId", "is required when the caller is not a member"));
    if (!me.equals(Optional.of(owner))) {
      access.require(Permission.CONTENT_MANAGE);
    }
    requireActive(owner, "ownerId");
    List<UUID> collaborators = collaborators(request.collaborators(), owner);
    ContentItem item =
        new ContentItem(
            kind, request.title(), owner, visibility, request.teamId(), clock.instant());
    store.add(item, collaborators);
    events.fire(
        new ContentCreated(
            tenants.require().orgId(),
            item.id(),
            kind,
            item.title(),
            MemberId.of(owner),
            visibility));
    return item.view(collaborators);
  }

  @Override
  public ContentItemView edit(UUID id, ContentChanges changes) {
    ContentItem item = visible(id);
    requireEditor(item);
    Instant now = clock.instant();
    Map<String, Object> changed = new TreeMap<>();
    if (changes.title() != null) {
      if (changes.title().isBlank()) {
        throw Problems.invalidField("title", "must not be blank");
      }
      item.retitle(changes.title(), now);
      changed.put("title", item.title());
    }
    Placement before = new Placement(item.visibility(), item.teamId());
    Placement after =
        before.change(
            changes.visibility() == null
                ? null
                : oneOf(changes.visibility(), VISIBILITIES, "visibility"),
            changes.teamId(),
            item.ownerId() != null);
    if (after.differsFrom(before)) {
      if (after.movesToAnotherTeam(before)) {
        requireTeamUse(after.teamId());
      }
      item.show(after.visibility(), after.teamId(), now);
      changed.put("visibility", after.visibility());
      changed.put("teamId", after.teamId() == null ? null : after.teamId().toString());
    }
    List<UUID> collaborators;
    if (changes.collaborators() != null) {
      collaborators = collaborators(changes.collaborators(), item.ownerId());
      store.replaceCollaborators(item.id(), collaborators);
      changed.put("collaborators", collaborators.stream().map(UUID::toString).toList());
    } else {
      collaborators = store.collaboratorsOf(List.of(id)).get(id);
    }
    if (!changed.isEmpty()) {
      events.fire(new ContentEdited(tenants.require().orgId(), item.id(), changed));
    }
    return item.view(collaborators);
  }

  /**
   * The owner, a holder of {@code content.manage}, or a moderator (or higher) of the item's team
   * may edit it.
   */
  private void requireEditor(ContentItem item) {
    Optional<UUID> me = me();
    if (me.isPresent() && me.get().equals(item.ownerId())) {
      return;
    }
    if (item.teamItem()
        && me.flatMap(m -> teams.roleIn(TeamId.of(item.teamId()), MemberId.of(m)))
            .filter(r -> r.atLeast(TeamRole.MODERATOR))
            .isPresent()) {
      return;
    }
    access.require(Permission.CONTENT_MANAGE);
  }

  /**
   * Refuses unless {@code team} is an active team where the caller may add content: a team member
   * (not a viewer) or a holder of {@code content.manage}.
   */
  private void requireTeamUse(UUID team) {
    if (!teams.isActive(TeamId.of(team))) {
      throw Problems.invalidField("teamId", "must name an active team");
    }
    if (access.holds(Permission.CONTENT_MANAGE)) {
      return;
    }
    boolean member =
        access
            .membership()
            .flatMap(m -> teams.roleIn(TeamId.of(team), m.memberId()))
            .filter(r -> r.atLeast(TeamRole.MEMBER))
            .isPresent();
    if (!member) {
      throw TeamProblems.roleRequired(
          "Sharing content with a team needs the team role member or higher in it.");
    }
  }

  /** The distinct collaborators, each an active member other than the owner. */
  private List<UUID> collaborators(List<UUID> requested, UUID owner) {
    Set<UUID> collaborators = new LinkedHashSet<>(requested == null ? List.of() : requested);
    for (UUID collaborator : collaborators) {
      if (collaborator.equals(owner)) {
        throw Problems.invalidField("collaborators", "must not name the owner");
      }
      requireActive(collaborator, "collaborators");
    }
    return List.copyOf(collaborators);
  }

  @Override
  public void requireGrantable(UUID project, String field) {
    ContentItem item =
        store
            .byId(project)
            .filter(i -> "project".equals(i.kind()))
            .orElseThrow(
                () ->
                    Problems.invalidField(field, "must name projects; " + project + " is not one"));
    boolean owner = ownedByCaller(item);
    if (!owner && !access.holds(Permission.CONTENT_MANAGE)) {
      throw Problems.invalidField(
          field, "must name projects you own (or hold content.manage); " + project + " is not");
    }
  }

  @Override
  public boolean grantableBy(UUID project, MemberId member) {
    return store
        .byId(project)
        .filter(i -> "project".equals(i.kind()))
        .filter(
            i ->
                access.isActiveMember(member)
                    && (member.value().equals(i.ownerId())
                        || access.memberHolds(member, Permission.CONTENT_MANAGE)))
        .isPresent();
  }

  @Override
  public boolean grant(UUID project, MemberId member) {
    Optional<ContentItem> item = store.byId(project).filter(i -> "project".equals(i.kind()));
    if (item.isEmpty()
        || member.value().equals(item.get().ownerId())
        || store.isCollaborator(project, member.value())) {
      return false;
    }
    store.addCollaborator(project, member.value());
    events.fire(
        new ContentEdited(
            tenants.require().orgId(), project, Map.of("collaboratorAdded", member.toString())));
    return true;
  }

  @Override
  public long ownedBy(MemberId member) {
    return store.countOwnedBy(member.value());
  }

  @Override
  public Page<ContentItemView> list(ContentFilter filter, PageRequest page) {
    filter.kind().ifPresent(k -> oneOf(k, KINDS, "kind"));
    filter.visibility().ifPresent(v -> oneOf(v, VISIBILITIES, "visibility"));
    UUID viewer = viewer();
    Page<ContentItem> items =
        page.page(
            store.page(filter, viewer, teamsOf(viewer), seesShared(), page),
            ContentStore::cursorOf);
    Map<UUID, List<UUID>> collaborators =
        store.collaboratorsOf(items.items().stream().map(ContentItem::id).toList());
    return items.map(item -> item.view(collaborators.get(item.id())));
  }

  @Override
  public ContentItemView get(UUID id) {
    ContentItem item = visible(id);
    return item.view(store.collaboratorsOf(List.of(id)).get(id));
  }

  @Override
  public ContentItemView reassign(UUID id, Reassign request) {
    ContentItem item = visible(id);
    boolean owner = ownedByCaller(item);
    if (!owner) {
      access.require(Permission.CONTENT_MANAGE);
    }
    requireActive(request.ownerId(), "ownerId");
    UUID from = item.ownerId();
    Instant now = clock.instant();
    item.giveTo(request.ownerId(), now);
    events.fire(
        new ContentReassigned(
            tenants.require().orgId(),
            item.id(),
            MemberId.ofNullable(from),
            MemberId.of(request.ownerId())));
    return item.view(store.collaboratorsOf(List.of(id)).get(id));
  }

  /** Whether the caller is a member who owns the item. */
  private boolean ownedByCaller(ContentItem item) {
    return me().filter(m -> m.equals(item.ownerId())).isPresent();
  }

  /** The item, when the caller may see it; 404 otherwise. */
  private ContentItem visible(UUID id) {
    ContentItem item =
        store.byId(id).orElseThrow(() -> Problems.notFound("No content " + id + " here."));
    UUID viewer = viewer();
    if (viewer == null
        || viewer.equals(item.ownerId())
        || (item.shared() && seesShared())
        || (item.teamItem()
            && teams.roleIn(TeamId.of(item.teamId()), MemberId.of(viewer)).isPresent())
        || store.isCollaborator(id, viewer)) {
      return item;
    }
    throw Problems.notFound("No content " + id + " here.");
  }

  /** The caller's member id here, when they are a member. */
  private Optional<UUID> me() {
    return access.membership().map(Membership::memberId).map(MemberId::value);
  }

  /** The member whose view applies, or null for those who see everything. */
  private UUID viewer() {
    if (access.holds(Permission.CONTENT_MANAGE)) {
      return null;
    }
    return me().orElse(null);
  }

  /** The active teams of {@code viewer}, whose shared content they see. */
  private Set<UUID> teamsOf(UUID viewer) {
    return viewer == null ? Set.of() : Identifier.values(teams.activeTeamsOf(MemberId.of(viewer)));
  }

  /**
   * Everyone sees what they own, are assigned to or is shared with their teams; holders of {@code
   * content.view_shared} (every default role but guest) also see items shared with the
   * organisation.
   */
  private boolean seesShared() {
    return access.holds(Permission.CONTENT_VIEW_SHARED);
  }

  /** The member is active, and stays so until this transaction ends (their row share-locked). */
  private void requireActive(UUID member, String field) {
    if (!access.holdActiveMember(MemberId.of(member))) {
      throw Problems.invalidField(field, "must name an active member");
    }
  }

  private static String oneOf(String value, Set<String> allowed, String field) {
    if (!allowed.contains(value)) {
      throw Problems.invalidField(
          field, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return value;
  }
}
