package dev.roster.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.filters.Filter;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.PublicLinks;
import dev.roster.kernel.Retried;
import dev.roster.kernel.TeamId;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.MemberChange;
import dev.roster.organisation.MemberState;
import dev.roster.organisation.Members;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.Permission;
import dev.roster.organisation.Roles;
import dev.roster.scim.internal.ScimStore.GroupRow;
import dev.roster.scim.internal.ScimStore.Ref;
import dev.roster.teams.AddTeamMember;
import dev.roster.teams.NewTeam;
import dev.roster.teams.TeamChanges;
import dev.roster.teams.TeamView;
import dev.roster.teams.Teams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * SCIM Groups: the organisation's active teams. Members join a team at its {@code member} role
 * through the teams service (its rules, events and audit); a Group mapped to an org role sets the
 * role of the members it gains or loses ({@link #settleRoles}). Deleting a Group deactivates or
 * deletes its team, as the organisation's SCIM settings say.
 */
@ApplicationScoped
@Retried
@Transactional
class ScimGroups {

  /** The most members one request may name. */
  static final int MAX_MEMBERS = 10_000;

  @Inject TenantData data;
  @Inject TenantContext tenants;
  @Inject Teams teams;
  @Inject Members members;
  @Inject Roles roles;
  @Inject OrgAccess access;
  @Inject PublicLinks links;
  @Inject Clock clock;

  /** What a Group's body says; {@code members} is null when the body leaves them out. */
  record GroupInput(String displayName, String externalId, Set<UUID> members) {}

  ObjectNode get(UUID id) {
    access.require(Permission.MEMBERS_VIEW);
    return render(find(id));
  }

  ObjectNode list(String filterText, Integer startIndex, Integer count) {
    access.require(Permission.MEMBERS_VIEW);
    Filter filter = ScimLists.filter(filterText);
    EntityManager em = data.entityManager();
    List<GroupRow> rows = fastPath(em, filter);
    Map<UUID, List<Ref>> people =
        filter != null && ScimLists.mentions(filterText, "members")
            ? ScimStore.membersOf(em, rows.stream().map(GroupRow::id).toList())
            : Map.of();
    List<GroupRow> kept =
        ScimLists.keep(
            rows,
            filter,
            row -> withMeta(resource(row, people.getOrDefault(row.id(), List.of())), row));
    return ScimLists.page(kept, startIndex, count, page -> renderAll(em, page));
  }

  ObjectNode create(ObjectNode body) {
    access.require(Permission.MEMBERS_MANAGE);
    GroupInput input = parse(body);
    if (input.displayName() == null) {
      throw ScimError.invalidValue("displayName is required: the team's name.");
    }
    Set<UUID> wanted = input.members() == null ? Set.of() : input.members();
    requireMembers(wanted);
    TeamView team = teams.create(new NewTeam(input.displayName(), null, null));
    ScimStore.keepGroup(data.entityManager(), team.id(), input.externalId(), clock.instant());
    Set<UUID> joined = new LinkedHashSet<>();
    Set<UUID> already = current(team.id());
    for (UUID member : wanted) {
      if (!already.contains(member)) {
        teams.addMember(TeamId.of(team.id()), new AddTeamMember(member));
        joined.add(member);
      }
    }
    settleRoles(
        joined, Set.of(), ScimStore.groupRoles(data.entityManager()).containsKey(team.id()));
    return render(find(team.id()));
  }

  ObjectNode replace(UUID id, ObjectNode body, String ifMatch) {
    access.require(Permission.MEMBERS_MANAGE);
    GroupRow row = locked(id);
    ScimLists.requireVersion(ifMatch, render(row));
    return update(row, parse(body));
  }

  ObjectNode patch(UUID id, ObjectNode body, String ifMatch) {
    access.require(Permission.MEMBERS_MANAGE);
    GroupRow row = locked(id);
    ObjectNode current = render(row);
    ScimLists.requireVersion(ifMatch, current);
    current.remove("meta");
    ObjectNode patched = ScimPatches.apply(ScimPatches.read(body), current);
    if (!Objects.equals(patched.get("id"), current.get("id"))) {
      throw ScimError.mutability("id is set by the server.");
    }
    if (ScimLists.field(patched, "members") == null) {
      // a remove of "members" took them all
      patched.putArray("members");
    }
    return update(row, parse(patched));
  }

  void delete(UUID id, String ifMatch) {
    access.require(Permission.MEMBERS_MANAGE);
    GroupRow row = locked(id);
    ScimLists.requireVersion(ifMatch, render(row));
    Set<UUID> leaving = current(id);
    // the Group's role is read before the team (and its scim_group row) may go
    Map<UUID, String> mapped = ScimStore.groupRoles(data.entityManager());
    if ("delete".equals(ScimStore.settings(data.entityManager()).deletedGroups())) {
      teams.delete(TeamId.of(id));
    } else {
      teams.deactivate(TeamId.of(id));
    }
    settleRoles(Set.of(), leaving, mapped.containsKey(id));
  }

  /** A replacement; members left out of the body stay as they are (a rename keeps the team). */
  private ObjectNode update(GroupRow row, GroupInput input) {
    TeamId team = TeamId.of(row.id());
    if (input.displayName() != null && !input.displayName().equals(row.name())) {
      teams.update(team, new TeamChanges(input.displayName(), null));
    }
    ScimStore.keepGroup(data.entityManager(), row.id(), input.externalId(), clock.instant());
    if (input.members() != null) {
      requireMembers(input.members());
      Set<UUID> before = current(row.id());
      UUID owner = teams.get(team).ownerId();
      Set<UUID> joined = new LinkedHashSet<>();
      Set<UUID> left = new LinkedHashSet<>();
      for (UUID member : input.members()) {
        if (!before.contains(member)) {
          teams.addMember(team, new AddTeamMember(member));
          joined.add(member);
        }
      }
      for (UUID member : before) {
        // the owner stays: ownership is handed over in Roster, never by the directory
        if (!input.members().contains(member) && !member.equals(owner)) {
          teams.removeMember(team, MemberId.of(member));
          left.add(member);
        }
      }
      settleRoles(joined, left, ScimStore.groupRoles(data.entityManager()).containsKey(row.id()));
    }
    return render(find(row.id()));
  }

  /**
   * Gives members who joined or left a Group mapped to an org role the role their mapped groups
   * give now: the highest of them, or the organisation's default role when they left the last one.
   * Each change goes through the members service, so rank and last-admin rules hold.
   */
  private void settleRoles(Set<UUID> joined, Set<UUID> left, boolean mappedGroup) {
    if (!mappedGroup) {
      return;
    }
    EntityManager em = data.entityManager();
    Map<UUID, String> mapped = ScimStore.groupRoles(em);
    Set<UUID> touched = new LinkedHashSet<>(joined);
    touched.addAll(left);
    for (UUID member : touched) {
      Optional<OrgRole> given =
          ScimStore.teamsOf(em, member).stream()
              .map(mapped::get)
              .filter(Objects::nonNull)
              .map(roles::find)
              .flatMap(Optional::stream)
              .max(Comparator.comparingInt(OrgRole::rank));
      OrgRole role = given.orElseGet(roles::defaultRole);
      Optional<MemberState> state = access.state(MemberId.of(member));
      if (state.isPresent() && !state.get().role().equals(role.key())) {
        members.change(MemberId.of(member), new MemberChange(role.key(), null, null, null, null));
      }
    }
  }

  private Set<UUID> current(UUID team) {
    return ScimStore.membersOf(data.entityManager(), List.of(team))
        .getOrDefault(team, List.of())
        .stream()
        .map(Ref::id)
        .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
  }

  /** Refuses members that are not current members of the organisation (400 invalidValue). */
  private void requireMembers(Set<UUID> ids) {
    if (ids.isEmpty()) {
      return;
    }
    Set<UUID> known = new HashSet<>();
    ScimStore.users(
            data.entityManager(),
            "m.id = any(cast(? as uuid[]))",
            List.of(dev.roster.kernel.Sql.uuidArray(ids)))
        .forEach(u -> known.add(u.id()));
    for (UUID id : ids) {
      if (!known.contains(id)) {
        throw ScimError.invalidValue("members names " + id + ", which is no User here.");
      }
    }
  }

  private GroupRow find(UUID id) {
    return find(id, false);
  }

  /** The Group; locked for a change, so that changes to one Group line up. */
  private GroupRow locked(UUID id) {
    return find(id, true);
  }

  private GroupRow find(UUID id, boolean lock) {
    return ScimStore.groups(data.entityManager(), "t.id = ?", List.of(id), lock).stream()
        .findFirst()
        .orElseThrow(() -> ScimError.notFound("No Group " + id + "."));
  }

  private List<GroupRow> fastPath(EntityManager em, Filter filter) {
    String equal = ScimLists.equalTo(filter);
    if (equal != null) {
      String value = filter.getComparisonValue().asText();
      switch (equal) {
        case "displayname":
          return ScimStore.groups(em, "lower(t.name) = lower(?)", List.of(value));
        case "externalid":
          return ScimStore.groups(em, "sg.external_id = ?", List.of(value));
        case "id":
          UUID id = ScimLists.uuid(value);
          return id == null ? List.of() : ScimStore.groups(em, "t.id = ?", List.of(id));
        default:
          break;
      }
    }
    return ScimStore.groups(em, null, List.of());
  }

  private ObjectNode render(GroupRow row) {
    return renderAll(data.entityManager(), List.of(row)).get(0);
  }

  private List<ObjectNode> renderAll(EntityManager em, List<GroupRow> rows) {
    Map<UUID, List<Ref>> people = ScimStore.membersOf(em, rows.stream().map(GroupRow::id).toList());
    List<ObjectNode> nodes = new ArrayList<>(rows.size());
    for (GroupRow row : rows) {
      nodes.add(withMeta(resource(row, people.getOrDefault(row.id(), List.of())), row));
    }
    return nodes;
  }

  private ObjectNode resource(GroupRow g, List<Ref> people) {
    ObjectNode n = ScimJson.NODES.objectNode();
    ScimJson.schemas(n, ScimJson.GROUP);
    n.put("id", g.id().toString());
    if (g.externalId() != null) {
      n.put("externalId", g.externalId());
    }
    n.put("displayName", g.name());
    ArrayNode list = n.putArray("members");
    for (Ref person : people) {
      ObjectNode m = list.addObject();
      m.put("value", person.id().toString());
      m.put("display", person.display());
      m.put("$ref", location("Users", person.id()));
      m.put("type", "User");
    }
    return n;
  }

  private ObjectNode withMeta(ObjectNode n, GroupRow g) {
    ObjectNode meta = ScimJson.NODES.objectNode();
    meta.put("resourceType", "Group");
    meta.put("created", g.created().toString());
    meta.put("lastModified", g.modified().toString());
    meta.put("location", location("Groups", g.id()));
    meta.put("version", ScimJson.version(n));
    n.set("meta", meta);
    return n;
  }

  private String location(String type, UUID id) {
    return links.to("/api/v1/scim/v2/" + tenants.require().slug() + "/" + type + "/" + id);
  }

  /** Reads a Group body; 400 invalidValue for a field of the wrong kind or size. */
  static GroupInput parse(ObjectNode body) {
    String name = ScimLists.text(body, "displayName", 100);
    Set<UUID> people = null;
    JsonNode list = ScimLists.field(body, "members");
    if (list != null && !list.isNull()) {
      people = new LinkedHashSet<>();
      if (!list.isArray()) {
        throw ScimError.invalidValue("members must be an array.");
      }
      if (list.size() > MAX_MEMBERS) {
        throw ScimError.invalidValue("A Group holds at most " + MAX_MEMBERS + " members here.");
      }
      for (JsonNode member : list) {
        JsonNode value = member.isObject() ? ScimLists.field(member, "value") : null;
        UUID id = value == null || !value.isTextual() ? null : ScimLists.uuid(value.textValue());
        if (id == null) {
          throw ScimError.invalidValue("Each member is an object whose value is a User's id.");
        }
        people.add(id);
      }
    }
    String externalId = ScimLists.text(body, "externalId", 256);
    return new GroupInput(
        name == null || name.isBlank() ? null : name.strip(),
        externalId == null || externalId.isBlank() ? null : externalId.strip(),
        people);
  }
}
