package dev.roster.kernel;

import java.util.Optional;

/**
 * A kind of bearer secret that a module issues and recognises by its prefix, such as SCIM tokens
 * ({@code scim_...}). The web layer asks the kind whose prefix a presented secret carries for the
 * caller it stands for; personal API keys and signed tokens are read by the identity module itself.
 */
public interface BearerSecrets {

  /** The prefix every secret of this kind starts with, such as {@code scim_}. */
  String prefix();

  /**
   * The caller that {@code secret} stands for, read from the database on this request: empty when
   * it is unknown, revoked or no longer valid.
   */
  Optional<Caller> caller(String secret);
}
