package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Team budgets (issue 19): the team's owner and admins set and remove them, its members (and those
 * who see every team) read them, to anyone else the team does not exist; the amount keeps to its
 * currency's decimals; every change is audited with the budget before and after.
 */
@ExtendWith(Mailbox.class)
class TeamBudgetIT {

  @Test
  void ownersAndAdminsManageMembersReadOthersDoNot() throws Exception {
    Api.Org org = Api.newOrg();
    Api.Member owner = Api.join(org, "member");
    Api.Member teamAdmin = Api.join(org, "member");
    Api.Member teamMember = Api.join(org, "member");
    Api.Member outsider = Api.join(org, "member");
    TeamsApi teams = org.teams();
    String team = teams.newTeam(owner.id());
    TeamsApi byOwner = teams.as(owner.token());
    byOwner.add(team, teamAdmin.id()).then().statusCode(201);
    byOwner.role(team, teamAdmin.id(), "admin").then().statusCode(200);
    byOwner.add(team, teamMember.id()).then().statusCode(201);
    String budget = teams.path() + "/" + team + "/budget";

    Api.as(owner.token()).get(budget).then().spec(problem(404, "not-found"));
    put(owner.token(), budget, Map.of("amount", 1500.50, "currency", "EUR", "period", "monthly"))
        .then()
        .statusCode(200)
        .body("amount", equalTo(1500.5f))
        .body("currency", equalTo("EUR"))
        .body("period", equalTo("monthly"));
    put(teamAdmin.token(), budget, Map.of("amount", 2000, "currency", "EUR", "period", "quarterly"))
        .then()
        .statusCode(200);
    Api.as(teamMember.token())
        .get(budget)
        .then()
        .statusCode(200)
        .body("period", equalTo("quarterly"));
    // a plain team member reads but does not set; to a member outside it the team is not there
    put(teamMember.token(), budget, Map.of("amount", 1, "currency", "EUR", "period", "monthly"))
        .then()
        .spec(problem(403, "team-role-required"));
    Api.invalidAs(outsider.token()).get(budget).then().spec(problem(404, "not-found"));
    Api.as(org.adminToken()).get(budget).then().statusCode(200);

    Api.as(owner.token()).delete(budget).then().statusCode(204);
    Api.as(owner.token()).get(budget).then().spec(problem(404, "not-found"));
    Api.invalidAs(owner.token()).delete(budget).then().spec(problem(404, "not-found"));

    List<String> actions = Api.auditActions(org, team);
    assertEquals(2, actions.stream().filter("team.budget_set"::equals).count(), actions.toString());
    assertEquals(
        1, actions.stream().filter("team.budget_removed"::equals).count(), actions.toString());
  }

  @Test
  void anAmountKeepsToItsCurrencyAndADeactivatedTeamKeepsItsBudget() throws Exception {
    Api.Org org = Api.newOrg();
    TeamsApi teams = org.teams();
    String team = teams.newTeam(Api.adminMemberId(org));
    String budget = teams.path() + "/" + team + "/budget";
    for (Map<String, Object> wrong :
        List.of(
            Map.<String, Object>of("amount", 10.5, "currency", "JPY", "period", "monthly"),
            Map.<String, Object>of("amount", 10.555, "currency", "EUR", "period", "monthly"),
            Map.<String, Object>of("amount", -1, "currency", "EUR", "period", "monthly"),
            Map.<String, Object>of("amount", 10, "currency", "EURO", "period", "monthly"),
            Map.<String, Object>of("amount", 10, "currency", "XYZ", "period", "monthly"),
            Map.<String, Object>of("amount", 10, "currency", "EUR", "period", "weekly"))) {
      put(org.adminToken(), budget, wrong).then().spec(problem(400, "validation"));
    }
    put(org.adminToken(), budget, Map.of("amount", 1000, "currency", "JPY", "period", "yearly"))
        .then()
        .statusCode(200)
        .body("amount", equalTo(1000));
    Api.as(org.adminToken())
        .post(teams.path() + "/" + team + "/deactivation")
        .then()
        .statusCode(200);
    put(org.adminToken(), budget, Map.of("amount", 5, "currency", "JPY", "period", "yearly"))
        .then()
        .spec(problem(409, "team-deactivated"));
    Api.as(org.adminToken()).get(budget).then().statusCode(200).body("amount", equalTo(1000));
  }

  private static Response put(String token, String path, Map<String, Object> body) {
    return Api.invalidAs(token).contentType(ContentType.JSON).body(body).put(path);
  }
}
