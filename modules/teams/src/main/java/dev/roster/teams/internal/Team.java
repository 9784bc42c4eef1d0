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

  @Column(name = "budget_amount")
  private java.math.BigDecimal budgetAmount;

  @Column(name = "budget_currency")
  private String budgetCurrency;

  @Column(name = "budget_period")
  private String budgetPeriod;

  /** The budget, or empty when none is set. */
  java.util.Optional<dev.roster.teams.TeamBudget> budget() {
    return budgetAmount == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(
            new dev.roster.teams.TeamBudget(
                budgetAmount.stripTrailingZeros().scale() < 0
                    ? budgetAmount.setScale(0)
                    : budgetAmount.stripTrailingZeros(),
                budgetCurrency,
                budgetPeriod));
  }

  /** Sets the budget (null removes it). */
  void budget(dev.roster.teams.TeamBudget budget, Instant now) {
    budgetAmount = budget == null ? null : budget.amount();
    budgetCurrency = budget == null ? null : budget.currency();
    budgetPeriod = budget == null ? null : budget.period();
    updatedAt = now;
  }

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
