package dev.roster.app.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in OpenID Connect provider for the console's sign-in (authorization code with PKCE): its
 * authorization endpoint signs in at once whoever the test named and sends the browser back with a
 * code; its token endpoint checks the code, the redirect address, the client and the PKCE verifier
 * and answers an ID token signed with the test provider's key. The test server is configured with
 * both endpoints (server.env); they are on {@code roster.idp.port}.
 */
final class FakeIdp {

  static final int PORT = Integer.getInteger("roster.idp.port", 13099);

  private static HttpServer server;
  private static volatile String next;
  private static final Map<String, Grant> GRANTS = new ConcurrentHashMap<>();

  private record Grant(String email, String redirect, String challenge) {}

  private FakeIdp() {}

  /** Starts the provider (once) and makes {@code email} the next person who signs in there. */
  static synchronized void signsIn(String email) throws IOException {
    if (server == null) {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
      server.createContext("/authorize", FakeIdp::authorize);
      server.createContext("/token", FakeIdp::token);
      server.start();
    }
    next = email;
  }

  private static void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
    if (!TestTokens.IDP_AUDIENCE.equals(query.get("client_id"))
        || !"code".equals(query.get("response_type"))
        || !"S256".equals(query.get("code_challenge_method"))) {
      answer(exchange, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    String code = UUID.randomUUID().toString();
    GRANTS.put(code, new Grant(next, query.get("redirect_uri"), query.get("code_challenge")));
    exchange
        .getResponseHeaders()
        .add(
            "Location",
            query.get("redirect_uri")
                + "?code="
                + code
                + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private static void token(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
    if ("OPTIONS".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "content-type, accept");
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
      return;
    }
    Map<String, String> body =
        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Grant grant = GRANTS.remove(body.getOrDefault("code", ""));
    if (grant == null
        || !grant.redirect().equals(body.get("redirect_uri"))
        || !TestTokens.IDP_AUDIENCE.equals(body.get("client_id"))
        || !"authorization_code".equals(body.get("grant_type"))
        || !grant.challenge().equals(s256(body.getOrDefault("code_verifier", "")))) {
      answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    Map<String, Object> claims = new HashMap<>();
    claims.put("sub", "idp-" + grant.email());
    claims.put("email", grant.email());
    claims.put("email_verified", true);
    String idToken =
        TestTokens.mint(
            TestTokens.idpKey(),
            TestTokens.IDP_KEY_ID,
            TestTokens.IDP_ISSUER,
            TestTokens.IDP_AUDIENCE,
            claims);
    answer(
        exchange,
        200,
        "{\"id_token\":\"" + idToken + "\",\"token_type\":\"Bearer\",\"expires_in\":600}");
  }

  private static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> values = new HashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
