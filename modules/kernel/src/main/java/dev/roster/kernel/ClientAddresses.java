package dev.roster.kernel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who a request comes from, for limits per client (ADR 0013). The peer's address, unless the peer
 * is a proxy the operator trusts ({@code ROSTER_TRUSTED_PROXIES}: addresses or CIDR ranges, comma
 * separated; none by default): then the last address in {@code X-Forwarded-For} that is not a
 * trusted proxy, since every earlier entry could have been written by the client. An IPv6 client is
 * its /64 network, which one subscriber usually holds whole, so that it cannot dodge a limit by
 * changing addresses within it.
 */
@ApplicationScoped
public class ClientAddresses {

  private final List<AddressRange> trusted;

  @Inject
  public ClientAddresses(
      @ConfigProperty(name = "ROSTER_TRUSTED_PROXIES", defaultValue = " ") String proxies) {
    this.trusted = AddressRange.parse(proxies, "ROSTER_TRUSTED_PROXIES");
  }

  /** CDI's proxy. */
  protected ClientAddresses() {
    this.trusted = List.of();
  }

  /** The client's key: an IPv4 address, or an IPv6 /64 network as {@code prefix::/64}. */
  public String of(String peer, String forwardedFor) {
    InetAddress client = address(peer);
    if (client != null && trusts(client) && forwardedFor != null) {
      String[] hops = forwardedFor.split(",");
      for (int i = hops.length - 1; i >= 0; i--) {
        InetAddress hop = address(hops[i].strip());
        if (hop == null) {
          break;
        }
        client = hop;
        if (!trusts(hop)) {
          break;
        }
      }
    }
    return client == null ? String.valueOf(peer) : key(client);
  }

  private boolean trusts(InetAddress address) {
    return trusted.stream().anyMatch(r -> r.contains(address));
  }

  private static String key(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length == 4) {
      return address.getHostAddress();
    }
    StringBuilder network = new StringBuilder();
    for (int i = 0; i < 8; i += 2) {
      network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
      network.append(':');
    }
    return network.append(":/64").toString();
  }

  /** The address a literal names; null for anything that is not an IP literal. */
  static InetAddress address(String literal) {
    if (literal == null) {
      return null;
    }
    String s = literal.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    // a literal only: digits, hex, dots and colons (never a host name to look up)
    if (s.isEmpty() || !s.toLowerCase(Locale.ROOT).matches("[0-9a-f.:]+") || s.length() > 45) {
      return null;
    }
    try {
      return InetAddress.getByName(s);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
