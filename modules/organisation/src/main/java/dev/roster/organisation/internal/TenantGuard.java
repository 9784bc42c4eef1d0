package dev.roster.organisation.internal;

import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import dev.roster.kernel.Measures;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import dev.roster.kernel.RequestLog;
import dev.roster.kernel.Tenant;
import dev.roster.kernel.TenantContext;
import dev.roster.organisation.CurrentMembership;
import dev.roster.organisation.Membership;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.Organisations;
import dev.roster.organisation.SignInPolicy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The tenant guard, decided on the route JAX-RS matched, never on the raw URI: however the path is
 * spelled (matrix parameters, encoded characters, dot segments), the {@code {org}} read here is the
 * one the resource method that will run was matched with. For a resource under {@code /orgs/{org}},
 * the organisation must exist and the caller must be one of its active members, read from its
 * schema on this very request, or a platform admin; anyone else gets 404, as if the organisation
 * did not exist, and so does a suspended member whatever token they hold. A personal API key acts
 * only on its own organisation's routes, and only while its member may use keys; on any other route
 * it is refused with 403 ({@link KeyPolicy} decides whether the member may use keys). A SCIM token
 * acts only on its own organisation's SCIM routes ({@value #SCIM_ROUTE}), which take nothing else:
 * there its caller is the admin who issued it, while they still are an active admin, acting with
 * the token's role; it is refused with 403 on any other route. The request then runs inside that
 * tenant until the call ends; {@link ActivityMark} records that the member was seen. A write
 * decides again, in its own transaction, on the caller's row as it then stands ({@link Admission},
 * {@link Access#caller()}). Resources read the tenant only from that context; reached without it,
 * tenant data answers 404 ({@link TenantContext#require()}).
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION)
public class TenantGuard implements ContainerRequestFilter {

  /** The path template of every tenant resource; its first parameter names the organisation. */
  static final String TENANT_ROUTE = "/orgs/{org}";

  /** The path template of every SCIM resource; its first parameter names the organisation. */
  static final String SCIM_ROUTE = "/scim/v2/{org}";

  @Context ResourceInfo resource;

  @Inject Organisations organisations;
  @Inject MemberStore members;
  @Inject TenantContext tenants;
  @Inject CurrentMembership current;
  @Inject CallContext calls;
  @Inject Clock clock;
  @Inject KeyPolicy keys;
  @Inject Measures measures;
  @Inject RoleCatalogue roles;

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<Caller> caller = calls.caller();
    boolean scim = routeUnder(resource.getResourceClass(), SCIM_ROUTE);
    if (caller.isPresent() && caller.get().viaDirectory() != scim) {
      if (scim) {
        throw Problems.unauthorized("SCIM endpoints take a SCIM token of the organisation.");
      }
      throw new ProblemException(
          403,
          "scim-token-not-allowed",
          "Not with a SCIM token",
          "SCIM tokens act on their organisation's SCIM endpoints only, under /api/v1/scim/v2/{org}.");
    }
    if (!scim && !tenantRoute(resource.getResourceClass())) {
      if (caller.isPresent() && caller.get().viaApiKey()) {
        throw new ProblemException(
            403,
            "api-key-not-allowed",
            "Not with an API key",
            "API keys act on an organisation's data only, under /api/v1/orgs/{org}.");
      }
      return;
    }
    String slug = request.getUriInfo().getPathParameters(true).getFirst("org");
    if (caller.isEmpty()) {
      throw Problems.unauthorized("Authentication is required.");
    }
    Optional<Tenant> tenant = slug == null ? Optional.empty() : organisations.tenant(slug);
    if (tenant.isEmpty()
        || (caller.get().credentialOrg() != null
            && !caller.get().credentialOrg().equals(tenant.get().orgId()))) {
      // a key or token acts in its own organisation only; elsewhere it opens nothing
      throw hidden(slug);
    }
    calls.bind(tenants.enter(tenant.get()));
    measures.organisationRequest(tenant.get().slug());
    RequestLog.organisation(tenant.get().slug());
    MemberStore.Door door = members.atTheDoor(caller.get().accountId().value());
    OrganisationSettings settings = door.settings();
    calls.bind(roles.enter(settings.rolesVersion()));
    Instant now = clock.instant();
    Optional<Member> member = door.member();
    Admission.Decision decision =
        scim
            ? row -> directoryMembership(caller.get(), row, now)
            : row -> membership(caller.get(), row, settings.policy(), slug, now, keys::allows);
    Optional<Membership> membership =
        scim
            ? decision.admit(member)
            : membership(
                caller.get(),
                member,
                settings.policy(),
                slug,
                now,
                m -> keys.allowsAtTheDoor(m, door));
    if (membership.isEmpty()) {
      // a platform admin acting as support, not a member here
      return;
    }
    if (!scim) {
      request.setProperty(ActivityMark.SEEN, member.get().lastActiveAt());
    }
    calls.bind(current.open(membership.get()));
    calls.bind(
        new Admission(
                membership.get().memberId().value(),
                Admission.writes(request.getMethod()),
                decision,
                door.overrides())
            .open());
  }

  /**
   * The guard's decision on a member's row, at the door and again in a write's own transaction
   * ({@link Access#caller()}): an active member, who may use API keys if they called with one and
   * who meets the organisation's sign-in policy, is let in with their role; a platform admin who is
   * not an active member acts without a membership, as support; anyone else is refused as at the
   * door.
   *
   * @param mayUseKeys the key rule ({@link KeyPolicy}) on the read in hand: at the door on the
   *     guard's one read of overrides and settings, in a write's transaction on them read again
   *     after the caller's row
   */
  private Optional<Membership> membership(
      Caller caller,
      Optional<Member> row,
      SignInPolicy policy,
      String slug,
      Instant now,
      Predicate<Member> mayUseKeys) {
    Optional<Member> active = row.filter(m -> m.activeAt(now));
    if (active.isEmpty() && caller.platformAdmin()) {
      return Optional.empty();
    }
    Member member = active.orElseThrow(() -> hidden(slug));
    if (caller.viaApiKey() && !mayUseKeys.test(member)) {
      throw new ProblemException(
          403,
          "api-access-disabled",
          "API access disabled",
          "This member may not use personal API keys here now: the API-access setting or"
              + " the api_keys.create permission is off.");
    }
    enforce(policy, caller, member, now);
    return Optional.of(member.membership(roles.of(member.roleKey())));
  }

  /**
   * The organisation's sign-in policy, on every request of a member (a platform admin acting as
   * support is not a member, and is not held to it): the method the caller signed in with, the age
   * of that sign-in, and two-factor sign-in once it is required. Read on each request, so a policy
   * binds sessions that already exist from their next request.
   */
  static void enforce(SignInPolicy policy, Caller caller, Member member, Instant now) {
    String method = caller.signInMethod();
    if (!Caller.API_KEY.equals(method) && !policy.methods().contains(method)) {
      throw new ProblemException(
          403,
          "sign-in-method-not-allowed",
          "Sign in another way",
          "This organisation accepts only these sign-in methods: "
              + String.join(", ", policy.methods())
              + ".");
    }
    Long maxAge = policy.maxSessionAgeSeconds();
    if (maxAge != null
        && caller.signedInAt() != null
        && caller.signedInAt().plusSeconds(maxAge).isBefore(now)) {
      throw new ProblemException(
          403,
          "session-too-old",
          "Sign in again",
          "This organisation accepts sign-ins no older than " + maxAge + " s: sign in again.");
    }
    boolean required =
        policy.requireTwoFactor()
            && (policy.twoFactorDeadline() == null || !now.isBefore(policy.twoFactorDeadline()));
    // a provider's sign-in is left to the provider, which runs its own second factor
    if (required && !Caller.PROVIDER.equals(method) && !member.twoFactor()) {
      throw new ProblemException(
          403,
          "two-factor-required",
          "Two-factor sign-in required",
          "This organisation requires two-factor sign-in: turn it on with POST"
              + " /api/v1/me/two-factor and POST /api/v1/me/two-factor/confirmation, then retry.");
    }
  }

  /**
   * What a SCIM token may do: it acts with its own role while its issuer is an active admin (top
   * role) of the organisation, so a right the issuer loses ends for the token from its next
   * request.
   */
  private Optional<Membership> directoryMembership(
      Caller caller, Optional<Member> row, Instant now) {
    Member issuer = row.filter(m -> m.activeAt(now)).orElseThrow(TenantGuard::issuerGone);
    Optional<OrgRole> role = roles.find(caller.scimRole());
    if (!roles.isTop(roles.of(issuer.roleKey())) || role.isEmpty()) {
      throw issuerGone();
    }
    return Optional.of(new Membership(issuer.memberId(), caller.accountId(), role.get()));
  }

  private static ProblemException issuerGone() {
    return Problems.unauthorized(
        "The admin who issued this SCIM token is no longer an active admin here, or its role is"
            + " gone; an admin issues a new token.");
  }

  /** Whether a resource class serves tenant data: its path starts with {@value #TENANT_ROUTE}. */
  static boolean tenantRoute(Class<?> resourceClass) {
    return routeUnder(resourceClass, TENANT_ROUTE);
  }

  /** Whether a resource class's path is {@code route} or starts with it. */
  static boolean routeUnder(Class<?> resourceClass, String route) {
    if (resourceClass == null) {
      return false;
    }
    Path path = resourceClass.getAnnotation(Path.class);
    if (path == null && resourceClass.getSuperclass() != null) {
      // a CDI proxy subclass carries no @Path of its own
      path = resourceClass.getSuperclass().getAnnotation(Path.class);
    }
    if (path == null) {
      return false;
    }
    String template = path.value().startsWith("/") ? path.value() : "/" + path.value();
    return template.equals(route) || template.startsWith(route + "/");
  }

  private static ProblemException hidden(String slug) {
    return Problems.notFound("No organisation '" + slug + "'.");
  }
}
