package dev.roster.identity.internal;

import dev.roster.identity.AccessToken;
import dev.roster.identity.AccountView;
import dev.roster.identity.Authentication;
import dev.roster.identity.Credentials;
import dev.roster.identity.EmailVerification;
import dev.roster.identity.NewPassword;
import dev.roster.identity.PasswordResetRequest;
import dev.roster.identity.Passwords;
import dev.roster.identity.Profiles;
import dev.roster.identity.RefreshCookies;
import dev.roster.identity.RefreshRequest;
import dev.roster.identity.SignIn;
import dev.roster.identity.TwoFactor;
import dev.roster.identity.TwoFactorChallenge;
import dev.roster.identity.TwoFactorLogin;
import dev.roster.identity.VerifyEmail;
import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import dev.roster.kernel.ClientAddresses;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Login, refresh, logout, password reset and the public signing keys. */
@ApplicationScoped
@Path("/auth")
@Tag(name = "Identity")
public class AuthResource {

  @Inject Authentication authentication;
  @Inject ClientAddresses clients;
  @Inject Tokens tokens;
  @Inject Passwords passwords;
  @Inject Profiles profiles;
  @Inject CallContext calls;
  @Inject TwoFactor twoFactor;
  @Inject EmailVerification verification;
  @Inject RefreshCookies cookies;

  /**
   * What logout may name besides the bearer token's session.
   *
   * @param refreshToken a refresh token whose session ends, or null
   */
  public record LogoutRequest(@Size(max = 200) String refreshToken) {}

  @POST
  @Path("/login")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Log in",
      description =
          "Exchanges an email and password for an RS256 bearer token. Public. Wrong credentials answer"
              + " 401, alike for known and unknown addresses. Failures are counted per client and per"
              + " client and address: from the fifth failure for one address from one client, that"
              + " client answers 429 with Retry-After for that address, for a wait that doubles with"
              + " each further failure, up to 15 minutes (other clients, the owner's included, are"
              + " not slowed); past ROSTER_LOGIN_CLIENT_FAILURES failures in 15 minutes the client"
              + " answers 429 for any address until the window ends. 503 busy with Retry-After when"
              + " too many passwords are being checked at once. An account with two-factor sign-in"
              + " gets 202 with a challenge instead of tokens: send it with a code to POST"
              + " /api/v1/auth/login/two-factor within five minutes.")
  @APIResponse(
      responseCode = "200",
      description = "The access token.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AccessToken.class)))
  @APIResponse(
      responseCode = "202",
      description = "The password is right; the account signs in with a second factor.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TwoFactorChallenge.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "429", ref = "tooManyRequests")
  public Response login(
      Credentials credentials,
      @Parameter(
              description = RefreshCookies.PARAMETER,
              schema = @Schema(enumeration = {"body", "cookie"}))
          @QueryParam("refreshTokenIn")
          String refreshTokenIn,
      @Context HttpServletRequest request) {
    boolean cookie = RefreshCookies.wanted(refreshTokenIn);
    SignIn signIn =
        authentication.login(
            credentials, clients.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")));
    if (signIn instanceof TwoFactorChallenge challenge) {
      return Response.accepted(challenge).build();
    }
    return cookies.answer(Response.ok(), (AccessToken) signIn, cookie);
  }

  @POST
  @Path("/login/two-factor")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "loginTwoFactor",
      summary = "Log in: the second factor",
      description =
          "Answers the challenge of a login with a current code of the authenticator app (code) or"
              + " one of the recovery codes (recoveryCode), exactly one of the two; the session's"
              + " tokens. Public. A code works once; a recovery code once (its holder is emailed)."
              + " 401 invalid-two-factor-code for a wrong or used code; 401 invalid-challenge for a"
              + " challenge that is unknown, used, expired or failed five times (log in again)."
              + " Wrong codes are counted per account like wrong passwords: from the fifth, 429 with"
              + " Retry-After for a wait that doubles with each further one, up to 15 minutes.")
  @APIResponse(
      responseCode = "200",
      description = "The access token.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AccessToken.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "401", ref = "unauthorized")
  @APIResponse(responseCode = "429", ref = "tooManyRequests")
  public Response loginTwoFactor(
      TwoFactorLogin login,
      @Parameter(
              description = RefreshCookies.PARAMETER,
              schema = @Schema(enumeration = {"body", "cookie"}))
          @QueryParam("refreshTokenIn")
          String refreshTokenIn) {
    boolean cookie = RefreshCookies.wanted(refreshTokenIn);
    return cookies.answer(Response.ok(), twoFactor.complete(login), cookie);
  }

  @POST
  @Path("/refresh")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Refresh the tokens",
      description =
          "Exchanges a refresh token for a new access token and a new refresh token. Public. Each refresh"
              + " token works once: presenting one again revokes its whole session (401"
              + " refresh-token-reused), as a stolen copy would be. Unknown, expired or revoked tokens"
              + " answer 401 invalid-refresh-token. A browser that keeps the refresh token in the"
              + " roster_refresh cookie (refreshTokenIn=cookie) sends an empty object; the new"
              + " refresh token replaces the cookie, and a cookie whose token is refused (401) is"
              + " cleared.")
  @APIResponse(
      responseCode = "200",
      description = "The new tokens.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AccessToken.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  public Response refresh(
      RefreshRequest request,
      @Parameter(
              description = RefreshCookies.PARAMETER,
              schema = @Schema(enumeration = {"body", "cookie"}))
          @QueryParam("refreshTokenIn")
          String refreshTokenIn,
      @Context HttpHeaders headers) {
    boolean cookie = RefreshCookies.wanted(refreshTokenIn);
    Optional<String> inBody =
        Optional.ofNullable(request).map(RefreshRequest::refreshToken).filter(t -> !t.isEmpty());
    String token =
        inBody
            .or(() -> RefreshCookies.sent(headers))
            .orElseThrow(() -> Problems.invalidField("refreshToken", "must not be blank"));
    try {
      return cookies.answer(Response.ok(), authentication.refresh(token), cookie);
    } catch (ProblemException refused) {
      if (inBody.isEmpty() && refused.problem().status() == 401) {
        // the cookie's token can never work again: the browser forgets it instead of resending it
        throw refused.withHeader(HttpHeaders.SET_COOKIE, cookies.clearedHeader());
      }
      throw refused;
    }
  }

  @POST
  @Path("/logout")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Log out",
      description =
          "Ends a session at once: the one of the bearer token, and the one the refresh token in the"
              + " body belongs to (either may be left out). Its access and refresh tokens stop working"
              + " on the next request, and the roster_refresh cookie, when sent, ends its session"
              + " and is cleared. Always 204.")
  @APIResponse(responseCode = "204", description = "The session is over.")
  @APIResponse(responseCode = "400", ref = "validation")
  public Response logout(LogoutRequest request, @Context HttpHeaders headers) {
    Optional<java.util.UUID> session = calls.caller().map(Caller::sessionId);
    Optional<String> named = Optional.ofNullable(request).map(LogoutRequest::refreshToken);
    Optional<String> sent = RefreshCookies.sent(headers);
    authentication.logout(session, named);
    if (sent.isEmpty()) {
      return Response.noContent().build();
    }
    if (!sent.equals(named)) {
      authentication.logout(Optional.empty(), sent);
    }
    return Response.noContent().cookie(cookies.cleared()).build();
  }

  @POST
  @Path("/password-reset")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "requestPasswordReset",
      summary = "Ask for a password reset link",
      description =
          "Public. Always 202, whether or not an account has the email, so that the answer reveals"
              + " nothing. For an account that signs in with a password, emails a link that works once"
              + " and for a short time (ROSTER_PASSWORD_RESET_MINUTES, 30 by default); at most three"
              + " per account and hour. A new link replaces the previous one.")
  @APIResponse(responseCode = "202", description = "Accepted.")
  @APIResponse(responseCode = "400", ref = "validation")
  public Response requestReset(PasswordResetRequest request) {
    passwords.requestReset(request);
    return Response.accepted().build();
  }

  @POST
  @Path("/password-reset/{token}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "resetPassword",
      summary = "Set a new password from a reset link",
      description =
          "Public: the link is the proof. Sets the password (at least 12 characters, not the email),"
              + " ends every session of the account and tells its holder by email. Unknown links answer"
              + " 404 link-not-found; used or replaced ones 410 link-used; expired ones 410"
              + " link-expired. A refused password leaves the link usable.")
  @APIResponse(responseCode = "204", description = "The password is set.")
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "410", ref = "gone")
  public Response reset(
      @Parameter(description = "The secret from the emailed link.") @PathParam("token")
          String token,
      NewPassword request) {
    passwords.reset(token, request);
    return Response.noContent().build();
  }

  @POST
  @Path("/email-change/{token}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Confirm an email change",
      description =
          "Public: the link sent to the new address is the proof. Applies the change, marks the email"
              + " verified and tells the old address. Unknown links answer 404 link-not-found; used or"
              + " replaced ones 410 link-used; expired ones 410 link-expired; an address that another"
              + " account took meanwhile 409 email-unavailable.")
  @APIResponse(
      responseCode = "200",
      description = "The account with its new email.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AccountView.class)))
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  @APIResponse(responseCode = "410", ref = "gone")
  public AccountView confirmEmailChange(
      @Parameter(description = "The secret from the emailed link.") @PathParam("token")
          String token) {
    return profiles.confirmEmailChange(token);
  }

  @POST
  @Path("/email-verification/{token}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Prove an email address",
      description =
          "Public: the emailed link proves the mailbox. Whoever made the account confirms with its"
              + " password (or with a bearer token of the account); someone who never made it takes it"
              + " over with a newPassword, and every earlier password, session, refresh token and API"
              + " key of the account ends first. Then the address counts as proven, and what waited"
              + " for that proof is granted (a seat named by this email, platform admin, membership"
              + " of the organisation that verified the domain). Unknown links answer 404"
              + " link-not-found; used or replaced ones 410 link-used; expired ones 410 link-expired;"
              + " a wrong password 400, leaving the link usable.")
  @APIResponse(
      responseCode = "200",
      description = "The account, its email now verified.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AccountView.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "410", ref = "gone")
  public AccountView verifyEmail(
      @Parameter(description = "The secret from the emailed link.") @PathParam("token")
          String token,
      VerifyEmail request) {
    return verification.verify(
        token,
        request == null ? new VerifyEmail(null, null) : request,
        calls.caller().filter(c -> !c.viaApiKey()).map(dev.roster.kernel.Caller::accountId));
  }

  @GET
  @Path("/jwks.json")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getJwks",
      summary = "Token signing keys",
      description =
          "The public keys that verify Roster's access tokens, as a JSON Web Key Set (RFC 7517). Public.")
  @APIResponse(
      responseCode = "200",
      description = "The key set.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
  public Response jwks() {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(300);
    return Response.ok(tokens.jwks()).cacheControl(cache).build();
  }
}
