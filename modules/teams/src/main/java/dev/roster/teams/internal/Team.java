package dev.roster.teams.internal;

import dev.roster.kernel.TeamId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A team of one organisation, in its schema. */
@Entity
@Table(name = "team")
public class Team {

  @Id private UUID id;

  @Column(nullable = false)
  private String name;

  private String description;

  @Column(nullable = false)
  private String colour;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "deactivated_at")
  private Instant deactivatedAt;

  protected Team() {}

  Team(String name, String description, String colour, Instant now) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.description = description;
    this.colour = colour;
    this.createdAt = now;
    this.updatedAt = now;
  }

  UUID id() {
    return id;
  }

  /** The id, typed for events and other modules. */
  TeamId teamId() {
    return TeamId.of(id);
  }

  String name() {
    return name;
  }

  String description() {
    return description;
  }

  String colour() {
    return colour;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant deactivatedAt() {
    return deactivatedAt;
  }

  boolean active() {
    return deactivatedAt == null;
  }

  void rename(String name, Instant now) {
    this.name = name;
    this.updatedAt = now;
  }

  void describe(String description, Instant now) {
    this.description = description;
    this.updatedAt = now;
  }

  void deactivate(Instant now) {
    this.deactivatedAt = now;
    this.updatedAt = now;
  }

  void reactivate(Instant now) {
    this.deactivatedAt = null;
    this.updatedAt = now;
  }
}
