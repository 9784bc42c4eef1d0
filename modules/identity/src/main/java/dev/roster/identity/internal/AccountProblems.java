package dev.roster.identity.internal;

import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;

/** The problems of the account rules, built in one place for every identity service. */
final class AccountProblems {

  private AccountProblems() {}

  /** 409 {@code email-taken}: a new account's email is in use. */
  static ProblemException emailTaken() {
    return Problems.conflict(
        "email-taken", "Email already registered", "An account with this email exists already.");
  }

  /** 409 {@code email-unavailable}: an email change's address is in use; whose is not said. */
  static ProblemException emailUnavailable() {
    return Problems.conflict(
        "email-unavailable", "Email unavailable", "This email cannot be used for this account.");
  }

  /** 409 {@code managed-externally}: the identity provider owns what the request would change. */
  static ProblemException managedExternally(String detail) {
    return Problems.conflict("managed-externally", "Managed by the identity provider", detail);
  }
}
