package dev.roster.content.internal;

import dev.roster.content.ContentCreated;
import dev.roster.content.ContentFilter;
import dev.roster.content.ContentItemView;
import dev.roster.content.ContentReassigned;
import dev.roster.content.Contents;
import dev.roster.content.NewContent;
import dev.roster.content.Reassign;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import dev.roster.kernel.Problems;
import dev.roster.kernel.TenantContext;
import dev.roster.organisation.Membership;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.Permission;
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
import java.util.UUID;

/** The content registry of the current tenant. */
// Hibernate Validator's CDI extension only intercepts types that carry a validation annotation
// themselves; the constraints live on the interface.
@ValidateOnExecution
@ApplicationScoped
@Transactional
public class ContentsService implements Contents {

  static final Set<String> KINDS = Set.of("project", "report", "dataset", "source", "conversation");
  static final Set<String> VISIBILITIES = Set.of("private", "team", "org");

  @Inject ContentStore store;
  @Inject OrgAccess access;
  @Inject TenantContext tenants;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  @Override
  public ContentItemView create(NewContent request) {
    access.require(Permission.CONTENT_CREATE);
    String kind = oneOf(request.kind(), KINDS, "kind");
    String visibility = oneOf(request.visibility(), VISIBILITIES, "visibility");
    if ("team".equals(visibility) != (request.teamId() != null)) {
      throw Problems.invalidField("teamId", "is required with visibility team, and only then");
    }
    Optional<UUID> me = access.membership().map(Membership::memberId);
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
    Set<UUID> collaborators =
        new LinkedHashSet<>(request.collaborators() == null ? List.of() : request.collaborators());
    for (UUID collaborator : collaborators) {
      if (collaborator.equals(owner)) {
        throw Problems.invalidField("collaborators", "must not name the owner");
      }
      requireActive(collaborator, "collaborators");
    }
    ContentItem item =
        new ContentItem(
            kind, request.title(), owner, visibility, request.teamId(), clock.instant());
    store.add(item, List.copyOf(collaborators));
    events.fire(
        new ContentCreated(
            tenants.require().orgId(), item.id(), kind, item.title(), owner, visibility));
    return item.view(List.copyOf(collaborators));
  }

  @Override
  public Page<ContentItemView> list(ContentFilter filter, PageRequest page) {
    filter.kind().ifPresent(k -> oneOf(k, KINDS, "kind"));
    filter.visibility().ifPresent(v -> oneOf(v, VISIBILITIES, "visibility"));
    Page<ContentItem> items =
        page.page(store.page(filter, viewer(), seesShared(), page), ContentStore::cursorOf);
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
    boolean owner =
        access
            .membership()
            .map(Membership::memberId)
            .filter(m -> m.equals(item.ownerId()))
            .isPresent();
    if (!owner) {
      access.require(Permission.CONTENT_MANAGE);
    }
    requireActive(request.ownerId(), "ownerId");
    UUID from = item.ownerId();
    Instant now = clock.instant();
    item.giveTo(request.ownerId(), now);
    events.fire(
        new ContentReassigned(tenants.require().orgId(), item.id(), from, request.ownerId()));
    return item.view(store.collaboratorsOf(List.of(id)).get(id));
  }

  /** The item, when the caller may see it; 404 otherwise. */
  private ContentItem visible(UUID id) {
    ContentItem item =
        store.byId(id).orElseThrow(() -> Problems.notFound("No content " + id + " here."));
    UUID viewer = viewer();
    if (viewer == null
        || viewer.equals(item.ownerId())
        || (item.shared() && seesShared())
        || store.isCollaborator(id, viewer)) {
      return item;
    }
    throw Problems.notFound("No content " + id + " here.");
  }

  /** The member whose view applies, or null for those who see everything. */
  private UUID viewer() {
    if (access.holds(Permission.CONTENT_MANAGE)) {
      return null;
    }
    return access.membership().map(Membership::memberId).orElse(null);
  }

  /** Guests see only what they own or are assigned to; everyone else also sees shared items. */
  private boolean seesShared() {
    return access.membership().map(m -> m.role() != OrgRole.GUEST).orElse(true);
  }

  private void requireActive(UUID member, String field) {
    if (!access.isActiveMember(member)) {
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
