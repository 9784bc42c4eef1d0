package dev.roster.kernel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The links that emails carry, built on {@code ROSTER_PUBLIC_URL}. */
@ApplicationScoped
public class PublicLinks {

  @Inject
  @ConfigProperty(name = "ROSTER_PUBLIC_URL", defaultValue = "http://localhost:9080")
  String publicUrl;

  /** The public URL of {@code path}, which starts with a slash. */
  public String to(String path) {
    return publicUrl.replaceAll("/+$", "") + path;
  }
}
