package dev.roster.invitations.internal;

import dev.roster.kernel.LinkTokens;
import dev.roster.kernel.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Finds which organisation a link token belongs to, outside any tenant. */
@ApplicationScoped
@Transactional
public class TokenIndex {

  @Inject TenantData data;

  Optional<InvitationToken> find(String token) {
    return Optional.ofNullable(data.platform().find(InvitationToken.class, LinkTokens.hash(token)));
  }
}
