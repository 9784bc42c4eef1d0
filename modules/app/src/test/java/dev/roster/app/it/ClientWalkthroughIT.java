package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static dev.roster.app.it.ProblemSpec.problemType;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.client.ApiClient;
import dev.roster.client.ApiException;
import dev.roster.client.api.AuditApi;
import dev.roster.client.api.ContentApi;
import dev.roster.client.api.IdentityApi;
import dev.roster.client.api.InvitationsApi;
import dev.roster.client.api.OrganisationApi;
import dev.roster.client.api.PlatformApi;
import dev.roster.client.api.TeamsApi;
import dev.roster.client.model.AcceptInvitation;
import dev.roster.client.model.AcceptedInvitation;
import dev.roster.client.model.AttachMember;
import dev.roster.client.model.ChainVerification;
import dev.roster.client.model.ContentItemView;
import dev.roster.client.model.Credentials;
import dev.roster.client.model.FirstAdmin;
import dev.roster.client.model.InvitationView;
import dev.roster.client.model.IssuedApiKey;
import dev.roster.client.model.Me;
import dev.roster.client.model.MemberDetail;
import dev.roster.client.model.MemberView;
import dev.roster.client.model.NewApiKey;
import dev.roster.client.model.NewContent;
import dev.roster.client.model.NewInvitation;
import dev.roster.client.model.NewTeam;
import dev.roster.client.model.OrganisationView;
import dev.roster.client.model.Problem;
import dev.roster.client.model.ProvisionOrganisation;
import dev.roster.client.model.SignUp;
import dev.roster.client.model.Suspend;
import dev.roster.client.model.TeamView;
import dev.roster.client.model.VerifyEmail;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README walk-through, driven by the Java client that openapi-generator makes from {@code
 * openapi/roster.yaml} at build time (module {@code client}, unpatched): proof that the published
 * document is one a generated client can use, CSV exports and problem answers included.
 */
@ExtendWith(Mailbox.class)
class ClientWalkthroughIT {

  private static final String ALICE_PASSWORD = "alice has a long password";

  @Test
  void theReadmeWalkThroughWorksWithTheGeneratedClient() throws Exception {
    String slug = Api.unique("acme");
    String alice = Api.unique("alice") + "@example.com";
    String bob = Api.unique("bob") + "@example.com";
    String carol = Api.unique("carol") + "@example.com";

    // log in as the platform admin
    String admin =
        new IdentityApi(client(null))
            .login(new Credentials().email(Api.ADMIN_EMAIL).password(Api.ADMIN_PASSWORD), null)
            .getAccessToken();

    // provision an organisation; its first admin's account is created when it does not exist
    OrganisationView acme =
        new PlatformApi(client(admin))
            .provisionOrganisation(
                new ProvisionOrganisation()
                    .slug(slug)
                    .name("Acme Inc")
                    .admin(new FirstAdmin().email(alice).name("Alice")));
    assertEquals(slug, acme.getSlug());
    assertEquals("Acme Inc", new OrganisationApi(client(admin)).getOrganisation(slug).getName());

    // Alice claims her seat with the link in her mailbox
    new IdentityApi(client(null))
        .verifyEmail(
            Mailbox.linkToken(alice, Api.VERIFICATION),
            new VerifyEmail().newPassword(ALICE_PASSWORD));
    String aliceToken = login(alice, ALICE_PASSWORD);

    // Bob signs up; he belongs nowhere yet, and proves his address
    new IdentityApi(client(null))
        .signUp(new SignUp().email(bob).name("Bob").password(Api.PASSWORD));
    String bobToken = login(bob, Api.PASSWORD);
    Me me = new IdentityApi(client(bobToken)).getMe();
    assertTrue(me.getOrganisations().isEmpty());
    assertFalse(me.getEmailVerified());
    new IdentityApi(client(null))
        .verifyEmail(
            Mailbox.linkToken(bob, Api.VERIFICATION), new VerifyEmail().password(Api.PASSWORD));

    // Bob is not a member: the organisation does not exist for him, as a problem the client reads
    Problem notFound =
        problem(() -> new OrganisationApi(client(bobToken)).getOrganisation(slug), 404);
    assertThat(notFound.getType(), problemType("not-found"));

    // support attaches Bob as a member; now he can read it
    new PlatformApi(client(admin)).attachMember(slug, new AttachMember().email(bob).role("member"));
    assertEquals(slug, new OrganisationApi(client(bobToken)).getOrganisation(slug).getSlug());

    // find Bob in the directory and give him a team of his own
    OrganisationApi members = new OrganisationApi(client(admin));
    List<MemberView> found =
        members
            .listMembers(slug, null, null, null, null, null, "bob", null, null, null, null, null)
            .getItems();
    assertEquals(1, found.size());
    MemberView bobMember = found.get(0);
    assertEquals("member", bobMember.getRole());
    TeamView team =
        new TeamsApi(client(admin))
            .createTeam(slug, new NewTeam().name("Research").ownerId(bobMember.getId()));
    assertNull(team.getDescription());

    // Bob shares a project with his team; the directory lists the team's members
    ContentItemView project =
        new ContentApi(client(bobToken))
            .createContent(
                slug,
                new NewContent()
                    .kind(NewContent.KindEnum.PROJECT)
                    .title("Q3 study")
                    .visibility(NewContent.VisibilityEnum.TEAM)
                    .teamId(team.getId()));
    assertEquals(team.getId(), project.getTeamId());
    List<MemberView> inTeam =
        members
            .listMembers(
                slug, null, null, null, null, null, null, null, null, null, team.getId(), null)
            .getItems();
    assertEquals(List.of(bobMember.getId()), inTeam.stream().map(MemberView::getId).toList());

    // Bob's detail: teams, permissions, settings, owned content; no suspension
    MemberDetail detail = members.getMember(slug, bobMember.getId());
    assertEquals(1, detail.getOwnedContent());
    assertNull(detail.getSuspension());
    assertFalse(detail.getPermissions().isEmpty());

    // one invitation, the single call: the client reads the invitation back, and Carol accepts
    InvitationView invitation =
        new InvitationsApi(client(aliceToken))
            .invite(slug, new NewInvitation().email(carol).role("viewer"));
    assertEquals(carol, invitation.getEmail());
    assertEquals("viewer", invitation.getRole());
    AcceptedInvitation accepted =
        new InvitationsApi(client(null))
            .acceptInvitation(
                Mailbox.linkToken(carol, "/invitations/"),
                new AcceptInvitation().name("Carol").password(Api.PASSWORD));
    assertEquals(slug, accepted.getSlug());

    // Bob's personal API key acts as Bob in this organisation
    IssuedApiKey key =
        new OrganisationApi(client(bobToken)).createApiKey(slug, new NewApiKey().name("nightly"));
    assertNull(key.getKey().getExpiresAt());
    assertEquals(
        3, // Alice, Bob and Carol
        new OrganisationApi(client(key.getSecret()))
            .listMembers(slug, null, null, null, null, 5, null, null, null, null, null, null)
            .getItems()
            .size());

    // suspend Bob: his next request is refused, whatever token he holds
    MemberDetail suspended =
        members.suspendMember(slug, bobMember.getId(), new Suspend().reason("audit"));
    assertNotNull(suspended.getSuspension());
    problem(() -> new OrganisationApi(client(bobToken)).getOrganisation(slug), 404);
    problem(() -> new OrganisationApi(client(key.getSecret())).getOrganisation(slug), 401);

    // the audit log, Bob's activity, both CSV exports, and proof nothing changed
    AuditApi audit = new AuditApi(client(admin));
    assertEquals(
        5,
        audit.listAuditEvents(slug, null, null, null, null, 5, null, null, null).getItems().size());
    assertFalse(
        audit
            .listMemberActivity(slug, bobMember.getId(), null, null, null, null, null)
            .getItems()
            .isEmpty());
    OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).withNano(0);
    OffsetDateTime to = from.plusDays(2);
    List<String> events =
        lines(audit.exportAuditEvents(slug, from, to, null, null, null, null, null));
    assertTrue(events.get(0).startsWith("seq,"), events.get(0));
    assertTrue(
        events.stream().anyMatch(line -> line.contains("member.suspended")), events::toString);
    List<String> activity =
        lines(audit.exportMemberActivity(slug, bobMember.getId(), from, to, null));
    assertTrue(activity.size() > 1, activity::toString);
    ChainVerification verified = audit.verifyAuditChain(slug, null, null);
    assertTrue(verified.getValid());
    assertNull(verified.getBroken());
  }

  private static List<String> lines(File file) throws Exception {
    try {
      return Files.readAllLines(file.toPath(), StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(file.toPath());
    }
  }

  private static String login(String email, String password) throws ApiException {
    return new IdentityApi(client(null))
        .login(new Credentials().email(email).password(password), null)
        .getAccessToken();
  }

  /** A client of the test server, with this bearer token (a JWT or an API key) when not null. */
  private static ApiClient client(String token) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(Api.BASE);
    if (token != null) {
      client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }
    return client;
  }

  private interface Call {
    Object run() throws ApiException;
  }

  /** The problem a call answers with, read by the client's own model. */
  private static Problem problem(Call call, int status) throws Exception {
    ApiException refused = assertThrows(ApiException.class, call::run);
    assertEquals(status, refused.getCode(), refused.getResponseBody());
    assertTrue(
        refused
            .getResponseHeaders()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    Problem problem =
        ApiClient.createDefaultObjectMapper().readValue(refused.getResponseBody(), Problem.class);
    assertEquals(status, problem.getStatus());
    return problem;
  }
}
