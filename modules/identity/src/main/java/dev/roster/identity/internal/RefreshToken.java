package dev.roster.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A refresh token, by its SHA-256. Each is used once: refreshing marks it used and issues its
 * successor, and presenting a used one again revokes the whole session.
 */
@Entity
@Table(schema = "platform", name = "refresh_token")
class RefreshToken {

  @Id
  @Column(name = "token_hash")
  private String tokenHash;

  @Column(name = "session_id", nullable = false)
  private UUID sessionId;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected RefreshToken() {}

  RefreshToken(String tokenHash, UUID sessionId, Instant now, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.sessionId = sessionId;
    this.issuedAt = now;
    this.expiresAt = expiresAt;
  }

  UUID sessionId() {
    return sessionId;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  boolean used() {
    return usedAt != null;
  }

  void use(Instant now) {
    usedAt = now;
  }
}
