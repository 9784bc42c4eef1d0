package dev.roster.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleHeadersTest {

  @Test
  void thePageTalksToThisServerOnlyWithoutAProvider() {
    String policy = ConsoleHeaders.policy(Optional.empty());
    assertTrue(policy.contains("connect-src 'self';"), policy);
    assertTrue(policy.contains("script-src 'self';"), policy);
    assertEquals(ConsoleHeaders.policy(Optional.of(" ")), policy);
    assertEquals(ConsoleHeaders.policy(Optional.of("not a url")), policy);
  }

  @Test
  void aProvidersTokenEndpointIsReachableByItsOriginAlone() {
    String policy =
        ConsoleHeaders.policy(Optional.of("https://login.example.com:8443/oauth2/v1/token?x=1"));
    assertTrue(policy.contains("connect-src 'self' https://login.example.com:8443;"), policy);
  }
}
