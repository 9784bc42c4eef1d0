package dev.roster.identity.internal;

import dev.roster.identity.AccessToken;
import dev.roster.identity.AccountSignedIn;
import dev.roster.identity.RecoveryCodes;
import dev.roster.identity.TwoFactor;
import dev.roster.identity.TwoFactorChallenge;
import dev.roster.identity.TwoFactorChanged;
import dev.roster.identity.TwoFactorCode;
import dev.roster.identity.TwoFactorEnrolment;
import dev.roster.identity.TwoFactorLogin;
import dev.roster.identity.TwoFactorRemoval;
import dev.roster.identity.TwoFactorStatus;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.LinkTokens;
import dev.roster.kernel.Mailer;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import dev.roster.kernel.RateLimits;
import dev.roster.kernel.Seal;
import dev.roster.kernel.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.executable.ValidateOnExecution;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.codec.binary.Base32;

/**
 * Two-factor sign-in with an authenticator app (ADR 0021). The TOTP secret is sealed with the
 * installation's key; recovery codes and sign-in challenges are kept as SHA-256 only. A code is
 * accepted once (the step it was made for must be later than the last one accepted, decided by a
 * conditional update), a recovery code once (likewise), a challenge once. Wrong codes are counted
 * per account like wrong passwords: four cost nothing, each one after blocks for twice as long as
 * the one before (429); a challenge dies after five. Counts are taken outside the transaction of
 * the attempt, so a refusal does not undo them.
 */
@ValidateOnExecution
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class TwoFactorService implements TwoFactor {

  static final int RECOVERY_CODES = 10;
  static final Duration CHALLENGE_TTL = Duration.ofMinutes(5);
  static final int CHALLENGE_FAILURES = 5;
  private static final int FREE_FAILURES = 4;
  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "roster")
  EntityManager em;

  @Inject Seal seal;
  @Inject Clock clock;
  @Inject Transactions tx;
  @Inject RateLimits limits;
  @Inject AccountStore store;
  @Inject Sessions sessions;
  @Inject PasswordHashing hashing;
  @Inject Mailer mailer;
  @Inject Event<DomainEvent> events;

  /** What a second factor was: a code of the app, a recovery code, or nothing right. */
  private enum Factor {
    CODE,
    RECOVERY_CODE,
    WRONG
  }

  @Override
  public TwoFactorStatus status(AccountId accountId) {
    return tx.required(
        () -> {
          Optional<Instant> enabled = enabledAt(accountId);
          return new TwoFactorStatus(
              enabled.isPresent(), enabled.orElse(null), enabled.isPresent() ? left(accountId) : 0);
        });
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean enabled(AccountId accountId) {
    return enabledAt(accountId).isPresent();
  }

  @Override
  public TwoFactorEnrolment start(AccountId accountId) {
    return tx.required(
        () -> {
          Account account = store.byId(accountId.value()).orElseThrow();
          String secret = Totp.newSecret();
          // a new enrolment replaces one not confirmed yet; a confirmed one stays
          int written =
              em.createNativeQuery(
                      "insert into platform.two_factor (account_id, secret, created_at)"
                          + " values (?, ?, ?) on conflict (account_id) do update set"
                          + " secret = excluded.secret, created_at = excluded.created_at,"
                          + " last_step = 0 where platform.two_factor.enabled_at is null")
                  .setParameter(1, accountId.value())
                  .setParameter(2, seal.seal(secret))
                  .setParameter(3, Timestamp.from(clock.instant()))
                  .executeUpdate();
          if (written == 0) {
            throw alreadyEnabled();
          }
          String uri = Totp.uri(secret, account.email());
          return new TwoFactorEnrolment(secret, uri, Totp.qrCode(uri));
        });
  }

  @Override
  public RecoveryCodes confirm(AccountId accountId, TwoFactorCode code) {
    throttle(accountId);
    Optional<RecoveryCodes> codes =
        tx.required(
            () -> {
              Object[] row = lockedRow(accountId).orElseThrow(TwoFactorService::notStarted);
              if (row[1] != null) {
                throw alreadyEnabled();
              }
              long step =
                  Totp.accepted(
                      seal.open((String) row[0]),
                      code.code(),
                      clock.instant(),
                      ((Number) row[2]).longValue());
              if (step < 0) {
                return Optional.<RecoveryCodes>empty();
              }
              em.createNativeQuery(
                      "update platform.two_factor set enabled_at = ?, last_step = ?"
                          + " where account_id = ?")
                  .setParameter(1, Timestamp.from(clock.instant()))
                  .setParameter(2, step)
                  .setParameter(3, accountId.value())
                  .executeUpdate();
              RecoveryCodes fresh = newRecoveryCodes(accountId);
              events.fire(new TwoFactorChanged(accountId, "enabled"));
              tell(
                  accountId,
                  "Two-factor sign-in is on",
                  "two-factor sign-in was turned on for your Roster account: from now on, signing"
                      + " in asks for a code of your authenticator app after the password.");
              return Optional.of(fresh);
            });
    return codes.orElseThrow(() -> failed(accountId, "code", null));
  }

  @Override
  public void disable(AccountId accountId, TwoFactorRemoval removal) {
    requireOneOf(removal.code(), removal.recoveryCode());
    Account.Secret secret =
        tx.required(() -> store.byId(accountId.value()).map(Account::secret).orElseThrow());
    if (!hashing.matches(removal.password(), secret.hash())) {
      throw Problems.invalidField("password", "is not the account's password");
    }
    throttle(accountId);
    boolean done =
        tx.required(
            () -> {
              if (verify(accountId, removal.code(), removal.recoveryCode()) == Factor.WRONG) {
                return false;
              }
              deleteAll(accountId);
              events.fire(new TwoFactorChanged(accountId, "disabled"));
              tell(
                  accountId,
                  "Two-factor sign-in is off",
                  "two-factor sign-in was turned off for your Roster account: signing in now asks"
                      + " for the password only.");
              return true;
            });
    if (!done) {
      throw failed(accountId, removal.code() != null ? "code" : "recoveryCode", null);
    }
  }

  @Override
  public RecoveryCodes regenerate(AccountId accountId, TwoFactorCode code) {
    throttle(accountId);
    Optional<RecoveryCodes> codes =
        tx.required(
            () -> {
              if (verify(accountId, code.code(), null) == Factor.WRONG) {
                return Optional.<RecoveryCodes>empty();
              }
              em.createNativeQuery("delete from platform.recovery_code where account_id = ?")
                  .setParameter(1, accountId.value())
                  .executeUpdate();
              RecoveryCodes fresh = newRecoveryCodes(accountId);
              events.fire(new TwoFactorChanged(accountId, "recovery_codes_regenerated"));
              return Optional.of(fresh);
            });
    return codes.orElseThrow(() -> failed(accountId, "code", null));
  }

  @Override
  public void reset(AccountId accountId, String reason) {
    tx.required(
        () -> {
          if (store.byId(accountId.value()).isEmpty()) {
            throw Problems.notFound("No account " + accountId + ".");
          }
          if (enabledAt(accountId).isEmpty()) {
            throw notEnabled();
          }
          deleteAll(accountId);
          events.fire(new TwoFactorChanged(accountId, "reset", reason.strip()));
          tell(
              accountId,
              "Your two-factor sign-in was reset",
              "Roster support turned two-factor sign-in off for your account after verifying who"
                  + " you are: signing in now asks for the password only. Turn it on again in your"
                  + " profile. If you did not ask for this, change your password and tell your"
                  + " organisation's admin.");
        });
  }

  /**
   * The challenge that a right password gets instead of tokens when the account has two-factor
   * sign-in; in the caller's transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  TwoFactorChallenge challenge(Account account) {
    Instant now = clock.instant();
    // the account's lapsed challenges go as it gets a new one
    em.createNativeQuery(
            "delete from platform.login_challenge where account_id = ? and expires_at < ?")
        .setParameter(1, account.id())
        .setParameter(2, Timestamp.from(now))
        .executeUpdate();
    String token = LinkTokens.next();
    Instant expires = now.plus(CHALLENGE_TTL);
    em.createNativeQuery(
            "insert into platform.login_challenge (token_hash, account_id, expires_at)"
                + " values (?, ?, ?)")
        .setParameter(1, LinkTokens.hash(token))
        .setParameter(2, account.id())
        .setParameter(3, Timestamp.from(expires))
        .executeUpdate();
    return new TwoFactorChallenge(true, token, expires);
  }

  @Override
  public AccessToken complete(TwoFactorLogin login) {
    requireOneOf(login.code(), login.recoveryCode());
    String challenge = LinkTokens.hash(login.challenge());
    AccountId accountId =
        tx.required(() -> liveChallenge(challenge, false))
            .orElseThrow(TwoFactorService::invalidChallenge);
    throttle(accountId);
    Optional<AccessToken> token =
        tx.required(
            () -> {
              // the challenge is held until the attempt ends: one attempt at a time
              if (liveChallenge(challenge, true).isEmpty()) {
                throw invalidChallenge();
              }
              if (verify(accountId, login.code(), login.recoveryCode()) == Factor.WRONG) {
                return Optional.<AccessToken>empty();
              }
              em.createNativeQuery(
                      "update platform.login_challenge set used_at = ? where token_hash = ?")
                  .setParameter(1, Timestamp.from(clock.instant()))
                  .setParameter(2, challenge)
                  .executeUpdate();
              Account account = store.byId(accountId.value()).orElseThrow();
              account.loginSucceeded(clock.instant());
              AccessToken issued = sessions.start(account);
              events.fire(new AccountSignedIn(account.accountId(), "password"));
              return Optional.of(issued);
            });
    return token.orElseThrow(
        () -> failed(accountId, login.code() != null ? "code" : "recoveryCode", challenge));
  }

  /** Removes the account's two-factor sign-in, in the caller's transaction (a takeover). */
  @Transactional(Transactional.TxType.MANDATORY)
  void wipe(AccountId accountId) {
    boolean wasOn = enabledAt(accountId).isPresent();
    deleteAll(accountId);
    if (wasOn) {
      events.fire(new TwoFactorChanged(accountId, "disabled"));
    }
  }

  private void deleteAll(AccountId accountId) {
    em.createNativeQuery("delete from platform.recovery_code where account_id = ?")
        .setParameter(1, accountId.value())
        .executeUpdate();
    em.createNativeQuery("delete from platform.two_factor where account_id = ?")
        .setParameter(1, accountId.value())
        .executeUpdate();
  }

  /**
   * Checks a second factor of an account whose two-factor sign-in is on, and uses it up: a code
   * moves the last accepted step, a recovery code is marked used (and its holder emailed). In the
   * caller's transaction, holding the account's two-factor row.
   */
  private Factor verify(AccountId accountId, String code, String recoveryCode) {
    Object[] row = lockedRow(accountId).orElse(null);
    if (row == null || row[1] == null) {
      throw notEnabled();
    }
    if (code != null) {
      long step =
          Totp.accepted(
              seal.open((String) row[0]), code, clock.instant(), ((Number) row[2]).longValue());
      if (step < 0) {
        return Factor.WRONG;
      }
      em.createNativeQuery("update platform.two_factor set last_step = ? where account_id = ?")
          .setParameter(1, step)
          .setParameter(2, accountId.value())
          .executeUpdate();
      return Factor.CODE;
    }
    int used =
        em.createNativeQuery(
                "update platform.recovery_code set used_at = ? where account_id = ?"
                    + " and code_hash = ? and used_at is null")
            .setParameter(1, Timestamp.from(clock.instant()))
            .setParameter(2, accountId.value())
            .setParameter(3, LinkTokens.hash(normalised(recoveryCode)))
            .executeUpdate();
    if (used == 0) {
      return Factor.WRONG;
    }
    events.fire(new TwoFactorChanged(accountId, "recovery_code_used"));
    int left = left(accountId);
    tell(
        accountId,
        "A recovery code was used",
        "one of the recovery codes of your Roster account was just used to sign in or to manage"
            + " two-factor sign-in. "
            + left
            + " of them are left. If this was not you, change your password and turn two-factor"
            + " sign-in off and on again to get new codes.");
    return Factor.RECOVERY_CODE;
  }

  /**
   * Counts a wrong code against the account (and the challenge), in transactions of their own; the
   * problem to answer with.
   */
  private ProblemException failed(AccountId accountId, String field, String challenge) {
    Optional<Duration> blocked = limits.fail(key(accountId), FREE_FAILURES, WINDOW, WINDOW);
    tx.required(
        () -> {
          if (challenge != null) {
            em.createNativeQuery(
                    "update platform.login_challenge set failures = failures + 1"
                        + " where token_hash = ?")
                .setParameter(1, challenge)
                .executeUpdate();
          }
          events.fire(new TwoFactorChanged(accountId, "code_failed"));
        });
    if (challenge != null) {
      return new ProblemException(
          401,
          "invalid-two-factor-code",
          "Wrong code",
          "The code is wrong or was used already; try the current one."
              + blocked.map(b -> " Next try in " + b.toSeconds() + " s.").orElse(""));
    }
    return Problems.invalidField(field, "is not a current code of this account");
  }

  /** 429 while wrong codes block the account. */
  private void throttle(AccountId accountId) {
    Optional<Duration> wait = limits.blocked(key(accountId));
    if (wait.isPresent()) {
      throw Problems.tooManyRequests(
          "Too many wrong codes; try again in " + wait.get().toSeconds() + " s.", wait.get());
    }
  }

  private static String key(AccountId accountId) {
    return "two-factor:" + accountId;
  }

  /** The account of a challenge that is unused, unexpired and not failed too often. */
  private Optional<AccountId> liveChallenge(String tokenHash, boolean lock) {
    List<?> rows =
        em.createNativeQuery(
                "select account_id from platform.login_challenge where token_hash = ?"
                    + " and used_at is null and expires_at > ? and failures < ?"
                    + (lock ? " for update" : ""))
            .setParameter(1, tokenHash)
            .setParameter(2, Timestamp.from(clock.instant()))
            .setParameter(3, CHALLENGE_FAILURES)
            .getResultList();
    return rows.stream().findFirst().map(id -> new AccountId((UUID) id));
  }

  /** The sealed secret, when it was enabled, and the last step accepted; the row held. */
  private Optional<Object[]> lockedRow(AccountId accountId) {
    List<?> rows =
        em.createNativeQuery(
                "select secret, enabled_at, last_step from platform.two_factor"
                    + " where account_id = ? for update")
            .setParameter(1, accountId.value())
            .getResultList();
    return rows.stream().findFirst().map(r -> (Object[]) r);
  }

  private Optional<Instant> enabledAt(AccountId accountId) {
    List<?> rows =
        em.createNativeQuery(
                "select enabled_at from platform.two_factor where account_id = ?"
                    + " and enabled_at is not null")
            .setParameter(1, accountId.value())
            .getResultList();
    return rows.stream().findFirst().map(t -> ((Timestamp) t).toInstant());
  }

  private int left(AccountId accountId) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from platform.recovery_code where account_id = ?"
                        + " and used_at is null")
                .setParameter(1, accountId.value())
                .getSingleResult())
        .intValue();
  }

  private RecoveryCodes newRecoveryCodes(AccountId accountId) {
    List<String> codes = new ArrayList<>();
    Base32 base32 = new Base32();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      byte[] random = new byte[8];
      RANDOM.nextBytes(random);
      String raw = base32.encodeToString(random).substring(0, 12).toLowerCase(Locale.ROOT);
      String code = raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8);
      codes.add(code);
      em.createNativeQuery(
              "insert into platform.recovery_code (account_id, code_hash) values (?, ?)")
          .setParameter(1, accountId.value())
          .setParameter(2, LinkTokens.hash(normalised(code)))
          .executeUpdate();
    }
    return new RecoveryCodes(codes);
  }

  /** A recovery code as typed: case, spaces and dashes do not matter. */
  private static String normalised(String code) {
    return code.toLowerCase(Locale.ROOT).replaceAll("[^a-z2-7]", "");
  }

  private void tell(AccountId accountId, String subject, String news) {
    Account account = store.byId(accountId.value()).orElseThrow();
    mailer.queue(
        AccountMail.of(
            account.email(), subject, List.of("Hello " + account.name() + ",", news), null, null));
  }

  private static void requireOneOf(String code, String recoveryCode) {
    if ((code == null) == (recoveryCode == null || recoveryCode.isBlank())) {
      throw Problems.invalidField("code", "send either a code or a recovery code, not both");
    }
  }

  private static ProblemException invalidChallenge() {
    return new ProblemException(
        401,
        "invalid-challenge",
        "Sign in again",
        "The challenge is unknown, used, expired or failed too often: sign in with the password"
            + " again.");
  }

  private static ProblemException alreadyEnabled() {
    return Problems.conflict(
        "two-factor-enabled",
        "Two-factor sign-in is on",
        "Two-factor sign-in is on already; turn it off first to enrol another app.");
  }

  private static ProblemException notStarted() {
    return Problems.conflict(
        "two-factor-not-started",
        "No enrolment",
        "Start an enrolment with POST /api/v1/me/two-factor first.");
  }

  private static ProblemException notEnabled() {
    return Problems.conflict(
        "two-factor-not-enabled", "Two-factor sign-in is off", "Two-factor sign-in is not on.");
  }
}
