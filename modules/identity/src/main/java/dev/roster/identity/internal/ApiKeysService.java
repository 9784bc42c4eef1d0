package dev.roster.identity.internal;

import dev.roster.identity.ApiKeyCreated;
import dev.roster.identity.ApiKeyRevoked;
import dev.roster.identity.ApiKeyView;
import dev.roster.identity.ApiKeys;
import dev.roster.identity.IssuedApiKey;
import dev.roster.identity.NewApiKey;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.Caller;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.LinkTokens;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.Problems;
import dev.roster.kernel.Retried;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Keeps personal API keys and recognises them on requests. */
// Hibernate Validator's CDI extension only intercepts types that carry a validation annotation
// themselves; the constraints live on the interface.
@ValidateOnExecution
@ApplicationScoped
@Retried
@Transactional
public class ApiKeysService implements ApiKeys {

  /** Last-used times are written at most this often per key, not on every request. */
  private static final Duration USE_GRAIN = Duration.ofMinutes(1);

  @PersistenceContext(unitName = "roster")
  EntityManager em;

  @Inject ApiKeyUse use;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  @Override
  public IssuedApiKey issue(OrgId orgId, AccountId accountId, NewApiKey request) {
    Instant now = clock.instant();
    if (request.expiresAt() != null) {
      if (!request.expiresAt().isAfter(now)) {
        throw Problems.invalidField("expiresAt", "must be in the future");
      }
      if (request.expiresAt().isAfter(now.plus(Duration.ofDays(366)))) {
        throw Problems.invalidField("expiresAt", "must be within a year");
      }
    }
    if (live(orgId.value(), accountId.value()).size() >= MAX_PER_MEMBER) {
      throw Problems.conflict(
          "too-many-api-keys",
          "Too many API keys",
          "A member holds at most " + MAX_PER_MEMBER + " keys here; revoke one first.");
    }
    String random = LinkTokens.next();
    String secret = PREFIX + random;
    ApiKey key =
        new ApiKey(
            LinkTokens.hash(secret),
            secret.substring(0, PREFIX.length() + 6),
            accountId.value(),
            orgId.value(),
            request.name(),
            now,
            request.expiresAt());
    em.persist(key);
    events.fire(new ApiKeyCreated(orgId, key.id(), accountId, key.name(), key.expiresAt()));
    return new IssuedApiKey(key.view(), secret);
  }

  @Override
  public List<ApiKeyView> of(OrgId orgId, AccountId accountId) {
    return live(orgId.value(), accountId.value()).stream().map(ApiKey::view).toList();
  }

  @Override
  public Optional<ApiKeyView> byId(OrgId orgId, UUID keyId) {
    return find(orgId.value(), keyId).map(ApiKey::view);
  }

  @Override
  public boolean revoke(OrgId orgId, UUID keyId, String reason) {
    Optional<ApiKey> key = find(orgId.value(), keyId);
    key.ifPresent(k -> revoke(k, reason));
    return key.isPresent();
  }

  @Override
  public int revokeAll(OrgId orgId, AccountId accountId, String reason) {
    List<ApiKey> keys = live(orgId.value(), accountId.value());
    keys.forEach(k -> revoke(k, reason));
    return keys.size();
  }

  @Override
  public List<ApiKeyView> ofAccount(AccountId accountId) {
    return liveOfAccount(accountId.value(), LockModeType.NONE).stream().map(ApiKey::view).toList();
  }

  @Override
  public int revokeEverywhere(AccountId accountId, String reason) {
    // locked, so that a key created at the same moment is either seen here or not created
    List<ApiKey> keys = liveOfAccount(accountId.value(), LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    keys.forEach(k -> k.revoke(now, reason));
    if (!keys.isEmpty()) {
      events.fire(new dev.roster.identity.AccountApiKeysRevoked(accountId, keys.size(), reason));
    }
    return keys.size();
  }

  private List<ApiKey> liveOfAccount(UUID accountId, LockModeType lock) {
    return em.createNamedQuery("ApiKey.liveOfAccount", ApiKey.class)
        .setParameter("accountId", accountId)
        .setLockMode(lock)
        .getResultList();
  }

  /**
   * The caller a presented {@code rk_} secret stands for: empty when it is unknown, revoked,
   * expired, or its account is gone. Never a platform admin. The key and its account in one
   * statement, outside any transaction; when the key was last marked used more than {@link
   * #USE_GRAIN} ago, the mark is written in a transaction of its own ({@link ApiKeyUse}).
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  Optional<Caller> caller(String secret) {
    if (!secret.startsWith(PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<Object[]> found =
        em.createNamedQuery("ApiKey.withAccountByHash", Object[].class)
            .setParameter("hash", LinkTokens.hash(secret))
            .getResultStream()
            .findFirst()
            .filter(row -> ((ApiKey) row[0]).worksAt(now));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ApiKey key = (ApiKey) found.get()[0];
    Account account = (Account) found.get()[1];
    if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minus(USE_GRAIN))) {
      use.mark(key.id(), now, now.minus(USE_GRAIN));
    }
    return Optional.of(
        Caller.ofApiKey(account.accountId(), account.email(), key.id(), OrgId.of(key.orgId())));
  }

  private void revoke(ApiKey key, String reason) {
    key.revoke(clock.instant(), reason);
    events.fire(
        new ApiKeyRevoked(OrgId.of(key.orgId()), key.id(), AccountId.of(key.accountId()), reason));
  }

  private Optional<ApiKey> find(UUID orgId, UUID keyId) {
    return Optional.ofNullable(em.find(ApiKey.class, keyId))
        .filter(k -> k.orgId().equals(orgId) && !k.revoked());
  }

  private List<ApiKey> live(UUID orgId, UUID accountId) {
    return em.createNamedQuery("ApiKey.liveOf", ApiKey.class)
        .setParameter("orgId", orgId)
        .setParameter("accountId", accountId)
        .getResultList();
  }
}
