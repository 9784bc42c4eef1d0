package dev.roster.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

  @Test
  void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
    ClientAddresses clients = new ClientAddresses(" ");
    assertEquals("203.0.113.7", clients.of("203.0.113.7", "198.51.100.1"));
    assertEquals("203.0.113.7", clients.of("203.0.113.7", null));
  }

  @Test
  void behindATrustedProxyTheLastUntrustedHopIsTheClient() {
    ClientAddresses clients = new ClientAddresses("10.0.0.0/8, 192.0.2.1");
    // the client wrote the first entry itself; the proxies appended the rest
    assertEquals("198.51.100.9", clients.of("10.1.2.3", "6.6.6.6, 198.51.100.9, 192.0.2.1"));
    // a peer that is no trusted proxy is the client, header or not
    assertEquals("203.0.113.5", clients.of("203.0.113.5", "198.51.100.9"));
    // garbage in the header stops the walk at the last address that parsed
    assertEquals("10.1.2.3", clients.of("10.1.2.3", "not-an-address"));
    // host names are never looked up
    assertEquals("10.1.2.3", clients.of("10.1.2.3", "localhost"));
  }

  @Test
  void anIpv6ClientIsItsSlash64() {
    ClientAddresses clients = new ClientAddresses("");
    assertEquals("2001:db8:1:2::/64", clients.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd", null));
    assertEquals("2001:db8:1:2::/64", clients.of("2001:db8:1:2::1", null));
  }

  @Test
  void aProxyListThatIsNotAddressesIsRefusedAtStart() {
    assertThrows(IllegalArgumentException.class, () -> new ClientAddresses("proxy.example"));
  }
}
