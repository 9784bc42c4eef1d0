package dev.roster.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.filters.Filter;
import dev.roster.identity.AccountView;
import dev.roster.identity.Accounts;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.PublicLinks;
import dev.roster.kernel.Retried;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.Admission;
import dev.roster.organisation.MemberChange;
import dev.roster.organisation.MemberState;
import dev.roster.organisation.Members;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.Permission;
import dev.roster.organisation.RemoveMember;
import dev.roster.organisation.Roles;
import dev.roster.organisation.Suspend;
import dev.roster.scim.internal.ScimStore.Ref;
import dev.roster.scim.internal.ScimStore.UserRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * SCIM Users: the organisation's current members. Every change goes through the members service
 * (and so its rules, events and audit); the attributes Roster does not hold itself (externalId,
 * title, department) are kept beside the member.
 */
@ApplicationScoped
@Retried
@Transactional
class ScimUsers {

  /** What a directory's suspension says, on the member and in the audit trail. */
  static final String SUSPENSION_REASON = "directory";

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  @Inject TenantData data;
  @Inject TenantContext tenants;
  @Inject Members members;
  @Inject Admission admission;
  @Inject Accounts accounts;
  @Inject Roles roles;
  @Inject OrgAccess access;
  @Inject PublicLinks links;
  @Inject Clock clock;

  /** What a User's body says, read leniently as identity providers send it. */
  record UserInput(
      String userName,
      String givenName,
      String familyName,
      String displayName,
      String externalId,
      Boolean active,
      String title,
      String department) {}

  ObjectNode get(UUID id) {
    access.require(Permission.MEMBERS_VIEW);
    return render(find(id));
  }

  ObjectNode list(String filterText, Integer startIndex, Integer count) {
    access.require(Permission.MEMBERS_VIEW);
    Filter filter = ScimLists.filter(filterText);
    EntityManager em = data.entityManager();
    List<UserRow> rows = fastPath(em, filter);
    // a filter on groups needs each member's teams; any other reads the rows alone
    Map<UUID, List<Ref>> teams =
        filter != null && ScimLists.mentions(filterText, "groups")
            ? ScimStore.groupsOf(em, rows.stream().map(UserRow::id).toList())
            : Map.of();
    List<UserRow> kept =
        ScimLists.keep(
            rows,
            filter,
            row -> withMeta(resource(row, teams.getOrDefault(row.id(), List.of())), row));
    return ScimLists.page(kept, startIndex, count, page -> renderAll(em, page));
  }

  ObjectNode create(ObjectNode body) {
    access.require(Permission.MEMBERS_MANAGE);
    UserInput input = parse(body);
    if (input.userName() == null) {
      throw ScimError.invalidValue("userName is required: the member's email.");
    }
    if (admission.isCurrentMember(input.userName())) {
      throw ScimError.uniqueness("A member with userName " + input.userName() + " exists.");
    }
    AccountView account = accounts.forDirectory(input.userName(), accountName(input));
    MemberId id = admission.admit(account, roles.defaultRole().key(), "directory");
    if (input.givenName() != null || input.familyName() != null) {
      members.change(id, new MemberChange(null, null, null, input.givenName(), input.familyName()));
    }
    ScimStore.keepUser(
        data.entityManager(),
        id.value(),
        input.externalId(),
        input.title(),
        input.department(),
        clock.instant());
    if (Boolean.FALSE.equals(input.active())) {
      members.suspend(id, new Suspend(SUSPENSION_REASON, null));
    }
    return render(find(id.value()));
  }

  ObjectNode replace(UUID id, ObjectNode body, String ifMatch) {
    UserRow row = lockedForChange(id);
    ScimLists.requireVersion(ifMatch, render(row));
    return update(row, parse(body));
  }

  ObjectNode patch(UUID id, ObjectNode body, String ifMatch) {
    UserRow row = lockedForChange(id);
    ObjectNode current = render(row);
    ScimLists.requireVersion(ifMatch, current);
    current.remove("meta");
    ObjectNode patched = ScimPatches.apply(ScimPatches.read(body), current);
    if (!Objects.equals(patched.get("id"), current.get("id"))) {
      throw ScimError.mutability("id is set by the server.");
    }
    return update(row, parse(patched));
  }

  void delete(UUID id, String ifMatch) {
    UserRow row = lockedForChange(id);
    ScimLists.requireVersion(ifMatch, render(row));
    members.remove(
        MemberId.of(id),
        new RemoveMember(ScimStore.settings(data.entityManager()).removedContent(), null));
  }

  private ObjectNode update(UserRow row, UserInput input) {
    MemberId id = MemberId.of(row.id());
    if (input.userName() != null && !input.userName().equalsIgnoreCase(row.email())) {
      readdress(row, input.userName());
    }
    boolean names =
        (input.givenName() != null && !input.givenName().equals(row.firstName()))
            || (input.familyName() != null && !input.familyName().equals(row.lastName()));
    if (names) {
      members.change(id, new MemberChange(null, null, null, input.givenName(), input.familyName()));
    }
    ScimStore.keepUser(
        data.entityManager(),
        row.id(),
        input.externalId(),
        input.title(),
        input.department(),
        clock.instant());
    if (input.active() != null && input.active() != row.active()) {
      if (input.active()) {
        members.reactivate(id);
      } else {
        members.suspend(id, new Suspend(SUSPENSION_REASON, null));
      }
    }
    return render(find(row.id()));
  }

  /**
   * The directory manages the email of the people it provisioned while nobody has claimed their
   * account: a global account someone holds (or that other organisations share) changes its email
   * only by its holder (400 mutability); an address in use is a uniqueness conflict.
   */
  private void readdress(UserRow row, String email) {
    dev.roster.kernel.AccountId account =
        access
            .state(MemberId.of(row.id()))
            .map(MemberState::accountId)
            .orElseThrow(() -> ScimError.notFound("No User " + row.id() + "."));
    if (!"directory".equals(row.joinedVia()) || admission.everMemberElsewhere(account)) {
      throw ScimError.mutability(
          "userName is the email of an account the person brought or other organisations share;"
              + " only its holder changes it.");
    }
    try {
      accounts.readdressUnclaimed(account, email);
    } catch (ProblemException e) {
      if (e.problem().type().endsWith("/account-claimed")) {
        throw ScimError.mutability(
            "userName is the email of an account its holder has claimed; only they change it now.");
      }
      if (e.problem().type().endsWith("/email-taken")) {
        throw ScimError.uniqueness("Another account has the email " + email + ".");
      }
      throw e;
    }
  }

  private UserRow find(UUID id) {
    return find(id, false);
  }

  /**
   * The User, locked for a change so that changes to one User line up, once the caller may change
   * it. When the User is the caller, the caller's row is locked for update before the rights check
   * reads it, so that eight such changes at once queue instead of deadlocking.
   */
  private UserRow lockedForChange(UUID id) {
    access.beforeChanging(MemberId.of(id));
    access.require(Permission.MEMBERS_MANAGE);
    return find(id, true);
  }

  private UserRow find(UUID id, boolean lock) {
    return ScimStore.users(data.entityManager(), "m.id = ?", List.of(id), lock).stream()
        .findFirst()
        .orElseThrow(() -> ScimError.notFound("No User " + id + "."));
  }

  /** The rows the filter can match: one indexed lookup for the lookups identity providers make. */
  private List<UserRow> fastPath(EntityManager em, Filter filter) {
    String equal = ScimLists.equalTo(filter);
    if (equal != null) {
      String value = filter.getComparisonValue().asText();
      switch (equal) {
        case "username", "emails.value", "emails":
          return ScimStore.users(em, "lower(m.email) = lower(?)", List.of(value));
        case "externalid":
          return ScimStore.users(em, "su.external_id = ?", List.of(value));
        case "id":
          UUID id = ScimLists.uuid(value);
          return id == null ? List.of() : ScimStore.users(em, "m.id = ?", List.of(id));
        default:
          break;
      }
    }
    return ScimStore.users(em, null, List.of());
  }

  private ObjectNode render(UserRow row) {
    return renderAll(data.entityManager(), List.of(row)).get(0);
  }

  private List<ObjectNode> renderAll(EntityManager em, List<UserRow> rows) {
    Map<UUID, List<Ref>> teams = ScimStore.groupsOf(em, rows.stream().map(UserRow::id).toList());
    return rows.stream()
        .map(r -> withMeta(resource(r, teams.getOrDefault(r.id(), List.of())), r))
        .toList();
  }

  /** The User, without meta. */
  private ObjectNode resource(UserRow u, List<Ref> groups) {
    ObjectNode n = ScimJson.NODES.objectNode();
    ScimJson.schemas(n, ScimJson.USER, ScimJson.ENTERPRISE);
    n.put("id", u.id().toString());
    if (u.externalId() != null) {
      n.put("externalId", u.externalId());
    }
    n.put("userName", u.email());
    ObjectNode name = n.putObject("name");
    name.put("formatted", u.name());
    if (u.firstName() != null) {
      name.put("givenName", u.firstName());
    }
    if (u.lastName() != null) {
      name.put("familyName", u.lastName());
    }
    n.put("displayName", u.name());
    ObjectNode email = n.putArray("emails").addObject();
    email.put("value", u.email());
    email.put("type", "work");
    email.put("primary", true);
    n.put("active", u.active());
    if (u.title() != null) {
      n.put("title", u.title());
    }
    ObjectNode enterprise = n.putObject(ScimJson.ENTERPRISE);
    if (u.department() != null) {
      enterprise.put("department", u.department());
    }
    ArrayNode memberOf = n.putArray("groups");
    for (Ref group : groups) {
      ObjectNode g = memberOf.addObject();
      g.put("value", group.id().toString());
      g.put("display", group.display());
      g.put("$ref", location("Groups", group.id()));
      g.put("type", "direct");
    }
    return n;
  }

  private ObjectNode withMeta(ObjectNode n, UserRow u) {
    ObjectNode meta = ScimJson.NODES.objectNode();
    meta.put("resourceType", "User");
    meta.put("created", u.created().toString());
    meta.put("lastModified", u.modified().toString());
    meta.put("location", location("Users", u.id()));
    meta.put("version", ScimJson.version(n));
    n.set("meta", meta);
    return n;
  }

  private String location(String type, UUID id) {
    return links.to("/api/v1/scim/v2/" + tenants.require().slug() + "/" + type + "/" + id);
  }

  private static String accountName(UserInput input) {
    if (input.displayName() != null && !input.displayName().isBlank()) {
      return input.displayName();
    }
    String joined =
        ((input.givenName() == null ? "" : input.givenName())
                + " "
                + (input.familyName() == null ? "" : input.familyName()))
            .strip();
    return joined.isEmpty() ? input.userName() : joined;
  }

  /** Reads a User body; 400 invalidValue for a field of the wrong kind or size. */
  static UserInput parse(ObjectNode body) {
    String userName = ScimLists.text(body, "userName", 254);
    if (userName != null && !EMAIL.matcher(userName).matches()) {
      throw ScimError.invalidValue("userName must be the member's email address.");
    }
    JsonNode name = ScimLists.field(body, "name");
    String given = null;
    String family = null;
    if (name != null && !name.isNull()) {
      if (!name.isObject()) {
        throw ScimError.invalidValue("name must be an object.");
      }
      given = blankToNull(ScimLists.text(name, "givenName", 100));
      family = blankToNull(ScimLists.text(name, "familyName", 100));
    }
    JsonNode enterprise = ScimLists.field(body, ScimJson.ENTERPRISE);
    String department = null;
    if (enterprise != null && enterprise.isObject()) {
      department = blankToNull(ScimLists.text(enterprise, "department", 200));
    }
    return new UserInput(
        userName,
        given,
        family,
        blankToNull(ScimLists.text(body, "displayName", 200)),
        blankToNull(ScimLists.text(body, "externalId", 256)),
        ScimLists.bool(body, "active"),
        blankToNull(ScimLists.text(body, "title", 200)),
        department);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
