package dev.roster.webhooks.internal;

import dev.roster.kernel.AddressRange;
import dev.roster.kernel.Problems;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where webhook messages may go (issue 20): https only unless the operator allows http, and never
 * to a loopback, private, link-local or otherwise internal address unless the operator allows it
 * ({@code ROSTER_WEBHOOKS_ALLOW_PRIVATE}: {@code true} for any, or a list of address blocks such as
 * {@code 127.0.0.1/32}). Every address a host name resolves to is checked when a message is sent,
 * and the connection goes to the checked address only, so a name that moves to an internal address
 * after the endpoint was registered reaches nothing.
 */
final class Destinations {

  private final boolean allowHttp;
  private final boolean allowAnyPrivate;
  private final List<AddressRange> allowed;

  Destinations(boolean allowHttp, String allowPrivate) {
    this.allowHttp = allowHttp;
    String setting = allowPrivate == null ? "" : allowPrivate.strip();
    this.allowAnyPrivate = setting.equalsIgnoreCase("true");
    this.allowed =
        allowAnyPrivate || setting.isEmpty() || setting.equalsIgnoreCase("false")
            ? List.of()
            : AddressRange.parse(setting, "ROSTER_WEBHOOKS_ALLOW_PRIVATE");
  }

  /**
   * The URL an endpoint may have, as it will be used; a 400 problem on {@code field} otherwise. A
   * host given as an address is checked now; a name is checked on every send.
   */
  URI check(String url, String field) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw Problems.invalidField(field, "is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
      throw Problems.invalidField(
          field, allowHttp ? "must be an http or https URL" : "must be an https URL");
    }
    if (uri.getRawAuthority() == null || uri.getHost() == null || uri.getHost().isBlank()) {
      throw Problems.invalidField(field, "must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw Problems.invalidField(field, "must not carry a user name or password");
    }
    if (uri.getRawFragment() != null) {
      throw Problems.invalidField(field, "must not have a fragment");
    }
    String host = uri.getHost();
    if (isAddressLiteral(host)) {
      try {
        InetAddress address = InetAddress.getByName(stripBrackets(host));
        if (!allowed(address)) {
          throw Problems.invalidField(
              field, "must not be a loopback, private, link-local or internal address");
        }
      } catch (UnknownHostException e) {
        throw Problems.invalidField(field, "is not a URL");
      }
    } else if (host.equalsIgnoreCase("localhost")
        || host.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
      if (!allowAnyPrivate && allowed.isEmpty()) {
        throw Problems.invalidField(field, "must not be this server's own address");
      }
    }
    return uri;
  }

  /** Whether a message may be sent to {@code address}. */
  boolean allowed(InetAddress address) {
    if (!internal(address)) {
      return true;
    }
    if (allowAnyPrivate) {
      return true;
    }
    return allowed.stream().anyMatch(block -> block.contains(address));
  }

  /**
   * Whether {@code address} is not on the public internet: unspecified, loopback, private,
   * link-local, shared (carrier-grade NAT), multicast, reserved or documentation ranges, IPv6
   * unique-local, and IPv4 addresses carried inside IPv6 (mapped, NAT64, 6to4) that are.
   */
  static boolean internal(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0
          || first >= 240 // reserved and broadcast
          || (first == 100 && second >= 64 && second < 128) // shared, RFC 6598
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          || (first == 192 && second == 0 && (b[2] & 0xff) == 2) // documentation
          || (first == 198 && (second == 18 || second == 19)) // benchmarking
          || (first == 198 && second == 51 && (b[2] & 0xff) == 100)
          || (first == 203 && second == 0 && (b[2] & 0xff) == 113);
    }
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) { // unique local fc00::/7
        return true;
      }
      if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) { // site-local, deprecated
        return true;
      }
      if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
        return true; // documentation 2001:db8::/32
      }
      byte[] embedded = null;
      boolean zeroPrefix = true;
      for (int i = 0; i < 10; i++) {
        zeroPrefix &= b[i] == 0;
      }
      if (zeroPrefix
          && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || b[10] == 0 && b[11] == 0)) {
        embedded = new byte[] {b[12], b[13], b[14], b[15]}; // mapped, or compatible
      } else if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
        embedded = new byte[] {b[12], b[13], b[14], b[15]}; // NAT64 64:ff9b::/96
      } else if (b[0] == 0x20 && b[1] == 0x02) {
        embedded = new byte[] {b[2], b[3], b[4], b[5]}; // 6to4 2002::/16
      }
      if (embedded != null) {
        try {
          return internal(InetAddress.getByAddress(embedded));
        } catch (UnknownHostException e) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isAddressLiteral(String host) {
    return host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
  }

  private static String stripBrackets(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
