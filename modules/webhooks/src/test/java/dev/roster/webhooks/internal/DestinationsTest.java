package dev.roster.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.kernel.ProblemException;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where webhook messages may go. */
class DestinationsTest {

  private final Destinations strict = new Destinations(false, "false");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.9.9.9",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "100.64.0.1",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "64:ff9b::a00:1",
        "2002:a00:1::1",
        "198.18.0.1",
        "192.0.2.1"
      })
  void internalAddressesAreRefused(String address) throws Exception {
    assertTrue(Destinations.internal(InetAddress.getByName(address)), address);
    assertFalse(strict.allowed(InetAddress.getByName(address)), address);
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "2606:4700::1111", "1.1.1.1"})
  void publicAddressesAreAllowed(String address) throws Exception {
    assertTrue(strict.allowed(InetAddress.getByName(address)), address);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://hooks.example.com/x",
        "ftp://hooks.example.com/x",
        "https://user:secret@hooks.example.com/x",
        "https:///x",
        "https://hooks.example.com/x#part",
        "https://127.0.0.1/x",
        "https://[::1]/x",
        "https://10.0.0.1/x",
        "https://169.254.169.254/latest/meta-data",
        "https://2130706433/x",
        "https://localhost/x",
        "https://api.localhost/x",
        "not a url",
        "javascript:alert(1)"
      })
  void urlsThatMayNotBeRegistered(String url) {
    ProblemException refused = assertThrows(ProblemException.class, () -> strict.check(url, "url"));
    assertEquals(400, refused.problem().status());
  }

  @Test
  void anHttpsUrlWithAHostNameIsTaken() {
    assertEquals(
        "https://hooks.example.com/roster?a=1",
        strict.check(" https://hooks.example.com/roster?a=1 ", "url").toString());
  }

  @Test
  void theOperatorMayAllowHttpAndNamedBlocks() throws Exception {
    Destinations testing = new Destinations(true, "127.0.0.1/32, fd00::/8");
    assertEquals(
        "http://127.0.0.1:8080/x", testing.check("http://127.0.0.1:8080/x", "u").toString());
    assertTrue(testing.allowed(InetAddress.getByName("127.0.0.1")));
    assertTrue(testing.allowed(InetAddress.getByName("fd00::5")));
    assertFalse(testing.allowed(InetAddress.getByName("127.0.0.2")));
    assertFalse(testing.allowed(InetAddress.getByName("10.0.0.1")));
    assertThrows(ProblemException.class, () -> testing.check("http://127.0.0.2:8080/x", "u"));
    Destinations open = new Destinations(false, "true");
    assertTrue(open.allowed(InetAddress.getByName("10.0.0.1")));
    assertThrows(IllegalArgumentException.class, () -> new Destinations(false, "nonsense/99"));
  }
}
