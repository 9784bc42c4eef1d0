package dev.roster.domains;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An email domain an organisation claims.
 *
 * @param id the domain's id
 * @param domain the domain, lower case
 * @param role the role a person with a verified email of this domain joins with
 * @param status pending (not verified yet) or verified
 * @param verification the DNS record that proves the organisation controls the domain
 * @param createdAt when it was added
 * @param verifiedAt when it was verified, or null
 * @param lastCheckedAt when the DNS record was last found, or null
 */
public record OrgDomainView(
    UUID id,
    String domain,
    @Schema(ref = "OrgRole") String role,
    @Schema(enumeration = {"pending", "verified"}) String status,
    DnsRecord verification,
    Instant createdAt,
    @Schema(nullable = true) Instant verifiedAt,
    @Schema(nullable = true) Instant lastCheckedAt) {

  /**
   * A DNS record to publish.
   *
   * @param type always TXT
   * @param name the record's name
   * @param value the record's exact value
   */
  public record DnsRecord(@Schema(enumeration = {"TXT"}) String type, String name, String value) {}
}
