package dev.roster.kernel;

import jakarta.ws.rs.core.CacheControl;

/** The caching rule of answers that hold secrets (TOTP secrets, recovery codes, tokens). */
public final class NoStore {

  private NoStore() {}

  /** {@code Cache-Control: no-store}, and nothing else: no cache keeps the answer. */
  public static CacheControl cacheControl() {
    CacheControl none = new CacheControl();
    none.setNoStore(true);
    none.setNoTransform(false);
    return none;
  }
}
