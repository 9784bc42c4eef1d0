package dev.roster.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Roster's signer against the Standard Webhooks specification and its reference library. */
class SignaturesTest {

  @Test
  void matchesTheSpecificationsTestVector() {
    assertEquals(
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        Signatures.header(
            List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330L,
            "{\"test\": 2432232314}"));
  }

  @Test
  void theReferenceLibraryAcceptsEachSignatureOfARotation() throws Exception {
    String before = Signatures.newSecret();
    String after = Signatures.newSecret();
    String body = "{\"type\":\"member.joined\"}";
    long now = Instant.now().getEpochSecond();
    String header = Signatures.header(List.of(after, before), "evt-1", now, body);
    assertEquals(2, header.split(" ").length);
    Map<String, List<String>> headers =
        Map.of(
            "webhook-id", List.of("evt-1"),
            "webhook-timestamp", List.of(Long.toString(now)),
            "webhook-signature", List.of(header));
    assertDoesNotThrow(() -> new Webhook(before).verify(body, headers));
    assertDoesNotThrow(() -> new Webhook(after).verify(body, headers));
    assertThrows(
        WebhookVerificationException.class,
        () -> new Webhook(Signatures.newSecret()).verify(body, headers));
    assertThrows(
        WebhookVerificationException.class, () -> new Webhook(after).verify(body + " ", headers));
  }

  @Test
  void newSecretsAreThirtyTwoRandomBytes() {
    String secret = Signatures.newSecret();
    assertTrue(secret.startsWith("whsec_"));
    assertEquals(32, java.util.Base64.getDecoder().decode(secret.substring(6)).length);
    assertTrue(!secret.equals(Signatures.newSecret()));
  }
}
