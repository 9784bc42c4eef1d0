package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The content registry: who registers, who sees what, who reassigns. */
class ContentIT {

  @Test
  void membersRegisterContentTheyOwn() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    org.content()
        .as(member.token())
        .create("private", Map.of("kind", "report", "title", "Q3 numbers"))
        .then()
        .statusCode(201)
        .header("Location", containsString(org.content().path() + "/"))
        .body("ownerId", equalTo(member.id()))
        .body("kind", equalTo("report"))
        .body("visibility", equalTo("private"))
        .body("collaborators.size()", equalTo(0));
  }

  @Test
  void eachSeesOwnAssignedAndSharedItemsAndManagersSeeAll() {
    Api.Org org = Api.newOrg();
    Api.Member owner = Api.join(org, "member");
    Api.Member colleague = Api.join(org, "member");
    Api.Member assigned = Api.join(org, "viewer");
    Api.Member manager = Api.join(org, "manager");
    String secret = org.content().as(owner.token()).createFor("private");
    String shared = org.content().as(owner.token()).createFor("org");
    String project =
        org.content()
            .as(owner.token())
            .create("private", Map.of("collaborators", List.of(assigned.id())))
            .then()
            .statusCode(201)
            .body("collaborators", equalTo(List.of(assigned.id())))
            .extract()
            .path("id");

    Api.as(colleague.token()).get(org.content().path() + "/" + secret).then().statusCode(404);
    Api.as(colleague.token()).get(org.content().path() + "/" + shared).then().statusCode(200);
    Api.as(colleague.token())
        .get(org.content().path())
        .then()
        .body("items.id", equalTo(List.of(shared)));
    Api.as(assigned.token()).get(org.content().path() + "/" + project).then().statusCode(200);
    Api.as(assigned.token())
        .get(org.content().path())
        .then()
        .body("items.id", equalTo(List.of(shared, project)));
    Api.as(manager.token())
        .get(org.content().path())
        .then()
        .body("items.id", equalTo(List.of(secret, shared, project)));
    Api.as(manager.token())
        .queryParam("owner", owner.id())
        .queryParam("visibility", "org")
        .get(org.content().path())
        .then()
        .body("items.id", equalTo(List.of(shared)));
  }

  @Test
  void guestsSeeOnlyWhatIsTheirsOrAssignedToThem() {
    Api.Org org = Api.newOrg();
    Api.Member owner = Api.join(org, "member");
    Api.Member guest = Api.join(org, "guest");
    String shared = org.content().as(owner.token()).createFor("org");
    Api.as(guest.token()).get(org.content().path() + "/" + shared).then().statusCode(404);
    Api.as(guest.token()).get(org.content().path()).then().body("items.size()", equalTo(0));
  }

  @Test
  void viewersCannotRegisterAndOnlyManagersRegisterForOthers() {
    Api.Org org = Api.newOrg();
    Api.Member viewer = Api.join(org, "viewer");
    Api.Member member = Api.join(org, "member");
    Api.Member manager = Api.join(org, "manager");
    org.content()
        .as(viewer.token())
        .create("private", Map.of())
        .then()
        .spec(problem(403, "permission-denied"));
    org.content()
        .as(member.token())
        .create("private", Map.of("ownerId", manager.id()))
        .then()
        .statusCode(403);
    org.content()
        .as(manager.token())
        .create("private", Map.of("ownerId", member.id()))
        .then()
        .statusCode(201)
        .body("ownerId", equalTo(member.id()));
  }

  @Test
  void invalidItemsNameTheirFields() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    // a kind and a visibility the document does not list: only the answer is checked
    Api.invalidAs(member.token())
        .contentType(ContentType.JSON)
        .body(Map.of("kind", "poem", "title", "Ode", "visibility", "private"))
        .post(org.content().path())
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("kind"));
    Api.invalidAs(member.token())
        .contentType(ContentType.JSON)
        .body(Map.of("kind", "project", "title", "Ode", "visibility", "public"))
        .post(org.content().path())
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("visibility"));
    org.content()
        .as(member.token())
        .create("private", Map.of("teamId", UUID.randomUUID().toString()))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("teamId"));
    org.content()
        .as(member.token())
        .create("private", Map.of("collaborators", List.of(UUID.randomUUID().toString())))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("collaborators"));
    Api.invalidAs(member.token())
        .contentType(ContentType.JSON)
        .body(Map.of("kind", "project", "title", "", "visibility", "private"))
        .post(org.content().path())
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("title"));
  }

  @Test
  void ownersAndManagersReassign() {
    Api.Org org = Api.newOrg();
    Api.Member owner = Api.join(org, "member");
    Api.Member other = Api.join(org, "member");
    Api.Member manager = Api.join(org, "manager");
    String item = org.content().as(owner.token()).createFor("org");
    Api.as(other.token())
        .contentType(ContentType.JSON)
        .body(Map.of("ownerId", other.id()))
        .post(org.content().path() + "/" + item + "/ownership")
        .then()
        .statusCode(403);
    Api.as(owner.token())
        .contentType(ContentType.JSON)
        .body(Map.of("ownerId", other.id()))
        .post(org.content().path() + "/" + item + "/ownership")
        .then()
        .statusCode(200)
        .body("ownerId", equalTo(other.id()));
    Api.as(manager.token())
        .contentType(ContentType.JSON)
        .body(Map.of("ownerId", manager.id()))
        .post(org.content().path() + "/" + item + "/ownership")
        .then()
        .statusCode(200)
        .body("ownerId", equalTo(manager.id()))
        .body("ownerId", not(equalTo(owner.id())));
  }

  private static Response edit(String token, Api.Org org, String item, Map<String, Object> body) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(body)
        .patch(org.content().path() + "/" + item);
  }

  @Test
  void ownersEditTheirContentAndTheEditIsRecorded() throws java.sql.SQLException {
    Api.Org org = Api.newOrg();
    Api.Member owner = Api.join(org, "member");
    Api.Member other = Api.join(org, "member");
    String item = org.content().as(owner.token()).createFor("private");
    edit(owner.token(), org, item, Map.of("title", "Renamed", "collaborators", List.of(other.id())))
        .then()
        .statusCode(200)
        .body("title", equalTo("Renamed"))
        .body("visibility", equalTo("private"))
        .body("collaborators", equalTo(List.of(other.id())));
    // the collaborator now sees it, but may not edit it
    Api.as(other.token()).get(org.content().path() + "/" + item).then().statusCode(200);
    edit(other.token(), org, item, Map.of("title", "Mine"))
        .then()
        .spec(problem(403, "permission-denied"));
    edit(owner.token(), org, item, Map.of("visibility", "org"))
        .then()
        .statusCode(200)
        .body("visibility", equalTo("org"));
    Api.invalidAs(owner.token())
        .contentType(ContentType.JSON)
        .body(Map.of("visibility", "secret"))
        .patch(org.content().path() + "/" + item)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("visibility"));
    edit(owner.token(), org, item, Map.of("visibility", "team"))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("teamId"));
    edit(owner.token(), org, item, Map.of("teamId", UUID.randomUUID().toString()))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("teamId"));
    Api.as(org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + "/members/" + owner.id())
        .then()
        .statusCode(200)
        .body("ownedContent", equalTo(1))
        .body("recentActivity[0].action", equalTo("content.edited"))
        .body("recentActivity[0].targetId", equalTo(item))
        .body("recentActivity[0].changes.visibility", equalTo("org"))
        .body("recentActivity.action", hasItem("content.created"));
  }

  @Test
  void teamModeratorsEditTheTeamsContentAndSharingNeedsTeamMembership() {
    Api.Org org = Api.newOrg();
    Api.Member owner = Api.join(org, "member");
    Api.Member moderator = Api.join(org, "member");
    Api.Member plain = Api.join(org, "member");
    Api.Member outsider = Api.join(org, "member");
    String team = org.teams().newTeam(owner.id());
    org.teams().place(team, moderator, "moderator");
    org.teams().place(team, plain, "member");
    String item =
        org.content()
            .as(plain.token())
            .create("team", Map.of("teamId", team))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    edit(moderator.token(), org, item, Map.of("title", "Moderated"))
        .then()
        .statusCode(200)
        .body("title", equalTo("Moderated"));
    edit(owner.token(), org, item, Map.of("title", "Owned")).then().statusCode(200);
    Api.as(outsider.token()).get(org.content().path() + "/" + item).then().statusCode(404);
    // an outsider's own item cannot be shared with a team they are not in
    String own = org.content().as(outsider.token()).createFor("private");
    edit(outsider.token(), org, own, Map.of("visibility", "team", "teamId", team))
        .then()
        .spec(problem(403, "team-role-required"));
    org.content()
        .as(outsider.token())
        .create("team", Map.of("teamId", team))
        .then()
        .spec(problem(403, "team-role-required"));
    // a team viewer reads the team's content but adds none
    org.teams().place(team, outsider, "viewer");
    Api.as(outsider.token()).get(org.content().path() + "/" + item).then().statusCode(200);
    edit(outsider.token(), org, item, Map.of("title", "Viewer")).then().statusCode(403);
    org.content()
        .as(outsider.token())
        .create("team", Map.of("teamId", team))
        .then()
        .statusCode(403);
    // leaving the team shared: back to private keeps the owner
    edit(plain.token(), org, item, Map.of("visibility", "private"))
        .then()
        .statusCode(200)
        .body("teamId", nullValue());
    Api.as(moderator.token()).get(org.content().path() + "/" + item).then().statusCode(404);
  }
}
