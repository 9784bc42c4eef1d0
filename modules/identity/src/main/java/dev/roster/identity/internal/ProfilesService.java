package dev.roster.identity.internal;

import dev.roster.identity.AccountEmailVerified;
import dev.roster.identity.AccountProfileChanged;
import dev.roster.identity.AccountView;
import dev.roster.identity.EmailChange;
import dev.roster.identity.Images;
import dev.roster.identity.ProfileChange;
import dev.roster.identity.Profiles;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.Mailer;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import dev.roster.kernel.PublicLinks;
import dev.roster.kernel.Retried;
import dev.roster.kernel.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Names, email changes and profile pictures. */
// Hibernate Validator's CDI extension only intercepts types that carry a validation annotation
// themselves; the constraints live on the interface.
@ValidateOnExecution
@ApplicationScoped
@Retried
@Transactional
public class ProfilesService implements Profiles {

  /** How long an email change link works. */
  static final Duration EMAIL_CHANGE_VALIDITY = Duration.ofHours(24);

  @PersistenceContext(unitName = "roster")
  EntityManager em;

  /** Email-change links per account and hour, at most. */
  static final int EMAIL_CHANGES_PER_HOUR = 5;

  @Inject Transactions tx;
  @Inject PasswordHashing hashing;

  @Inject AccountStore store;
  @Inject AccountLinks links;
  @Inject Mailer mailer;
  @Inject PublicLinks publicLinks;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  @Override
  public AccountView rename(AccountId accountId, ProfileChange change) {
    Account account = existing(accountId.value());
    if (account.managedExternally()) {
      throw managedExternally("names");
    }
    String first = change.firstName() != null ? change.firstName() : account.firstName();
    String last = change.lastName() != null ? change.lastName() : account.lastName();
    if ((first == null || first.isBlank()) && (last == null || last.isBlank())) {
      throw Problems.invalidField("firstName", "a first or last name must remain");
    }
    String before = account.name();
    account.rename(change.firstName(), change.lastName());
    if (!before.equals(account.name())) {
      events.fire(
          new AccountProfileChanged(
              account.accountId(),
              account.email(),
              account.name(),
              null,
              account.firstName(),
              account.lastName()));
    }
    return account.view();
  }

  /**
   * The current password is checked between two short transactions, holding no connection. At most
   * {@link #EMAIL_CHANGES_PER_HOUR} links per account and {@link
   * dev.roster.kernel.Mailer#PER_RECIPIENT_HOUR} emails per recipient an hour: past either, 429
   * with Retry-After.
   */
  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void requestEmailChange(AccountId accountId, EmailChange change) {
    Account.Secret secret = tx.required(() -> secretOf(accountId.value()));
    if (secret.hash() != null
        && (change.currentPassword() == null
            || !hashing.matches(change.currentPassword(), secret.hash()))) {
      throw wrongPassword();
    }
    tx.required(() -> requestEmailChange(secret, change));
  }

  /** The account's password hash, in a short transaction of its own. */
  private Account.Secret secretOf(UUID accountId) {
    Account account = existing(accountId);
    if (account.managedExternally()) {
      throw managedExternally("email");
    }
    return account.secret();
  }

  /** Sends the confirmation link, when the password is still the one that was checked. */
  private void requestEmailChange(Account.Secret checked, EmailChange change) {
    Account account = existing(checked.accountId());
    if (!account.passwordIs(checked)) {
      throw wrongPassword();
    }
    String email = change.email().strip();
    if (email.equalsIgnoreCase(account.email())) {
      throw Problems.invalidField("email", "is the account's email already");
    }
    if (store.byEmail(email).isPresent()) {
      throw AccountProblems.emailUnavailable();
    }
    Instant now = clock.instant();
    Duration hour = Duration.ofHours(1);
    if (links.issuedSince(account.id(), AccountToken.EMAIL_CHANGE, now.minus(hour))
        >= EMAIL_CHANGES_PER_HOUR) {
      throw Problems.tooManyRequests(
          "Too many email-change links were sent for this account; try again within the hour.",
          hour);
    }
    mailer.requireRoomFor(email);
    String secret =
        links.issue(account.id(), AccountToken.EMAIL_CHANGE, email, EMAIL_CHANGE_VALIDITY);
    mailer.queue(
        AccountMail.of(
            email,
            "Confirm your new Roster email",
            List.of(
                "Hello " + account.name() + ",",
                "confirm that this address should become the email of your Roster account. Until"
                    + " you do, nothing changes. The link works once, for 24 hours.",
                "If you did not ask for this, ignore this email."),
            "Confirm the new email",
            publicLinks.to("/api/v1/auth/email-change/" + secret)));
  }

  @Override
  public AccountView confirmEmailChange(String token) {
    AccountToken link = links.open(token.strip(), AccountToken.EMAIL_CHANGE);
    Account account = store.byId(link.accountId()).orElseThrow();
    if (account.managedExternally()) {
      throw managedExternally("email");
    }
    Optional<Account> holder = store.byEmail(link.newEmail());
    if (holder.isPresent() && !holder.get().id().equals(account.id())) {
      throw AccountProblems.emailUnavailable();
    }
    link.use(clock.instant());
    String previous = account.email();
    account.changeEmail(link.newEmail(), clock.instant());
    links.closeSentToOldAddress(account.id());
    store.flushEmail();
    events.fire(
        new AccountProfileChanged(
            account.accountId(),
            account.email(),
            account.name(),
            previous,
            account.firstName(),
            account.lastName()));
    events.fire(new AccountEmailVerified(account.accountId(), account.email(), "email_change"));
    mailer.queue(
        AccountMail.of(
            previous,
            "Your Roster email was changed",
            List.of(
                "Hello " + account.name() + ",",
                "the email of your Roster account is now " + account.email() + ".",
                "If this was not you, contact your organisation's admin at once."),
            null,
            null));
    return account.view();
  }

  @Override
  public PictureInfo setPicture(AccountId accountId, byte[] bytes) {
    Account account = existing(accountId.value());
    Pictures.Checked checked = Pictures.check(bytes);
    AccountPicture picture = em.find(AccountPicture.class, account.id());
    if (picture == null) {
      picture = new AccountPicture(account.id());
      picture.replace(checked, Images.etag(checked.content()), clock.instant());
      em.persist(picture);
    } else {
      picture.replace(checked, Images.etag(checked.content()), clock.instant());
    }
    events.fire(
        new AccountProfileChanged(
            account.accountId(),
            account.email(),
            account.name(),
            null,
            account.firstName(),
            account.lastName()));
    return new PictureInfo(
        checked.mediaType(), checked.width(), checked.height(), url(account.id(), picture.etag()));
  }

  @Override
  public boolean removePicture(AccountId accountId) {
    AccountPicture picture = em.find(AccountPicture.class, existing(accountId.value()).id());
    if (picture == null) {
      return false;
    }
    em.remove(picture);
    return true;
  }

  @Override
  public Optional<Picture> picture(AccountId accountId) {
    return Optional.ofNullable(em.find(AccountPicture.class, accountId.value()))
        .map(p -> new Picture(p.mediaType(), p.content(), p.etag()));
  }

  @Override
  public Optional<String> pictureVersion(AccountId accountId) {
    return em.createQuery(
            "select p.etag from AccountPicture p where p.accountId = :id", String.class)
        .setParameter("id", accountId.value())
        .getResultStream()
        .findFirst()
        .map(e -> url(accountId.value(), e));
  }

  /** The picture URL; its version parameter changes with the bytes, so caches never go stale. */
  static String url(UUID accountId, String etag) {
    return "/api/v1/accounts/" + accountId + "/picture?v=" + etag.substring(0, 12);
  }

  private Account existing(UUID accountId) {
    return store
        .byId(accountId)
        .orElseThrow(() -> Problems.unauthorized("The caller's account does not exist."));
  }

  private static ProblemException managedExternally(String what) {
    return AccountProblems.managedExternally(
        "This account's " + what + " come from its identity provider and cannot be changed here.");
  }

  private static dev.roster.kernel.ProblemException wrongPassword() {
    return Problems.invalidField("currentPassword", "is not the account's password");
  }
}
