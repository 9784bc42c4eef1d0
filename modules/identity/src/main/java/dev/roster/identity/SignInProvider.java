package dev.roster.identity;

/**
 * The external OpenID Connect provider a browser page signs in with (authorization code with PKCE,
 * as a public client): its endpoints and Roster's client id there. The provider's ID token is then
 * the bearer token Roster accepts.
 *
 * @param name what to call it on a sign-in button
 * @param issuer its issuer
 * @param authorizationEndpoint where the browser goes to sign in
 * @param tokenEndpoint where the page exchanges the code (the provider must allow this origin)
 * @param clientId Roster's client id there (the audience its tokens name)
 * @param scope the scopes to ask for
 */
public record SignInProvider(
    String name,
    String issuer,
    String authorizationEndpoint,
    String tokenEndpoint,
    String clientId,
    String scope) {}
