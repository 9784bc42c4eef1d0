package dev.roster.invitations.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The links that emails carry, built from {@code ROSTER_PUBLIC_URL}. */
@ApplicationScoped
public class PublicLinks {

  @Inject
  @ConfigProperty(name = "ROSTER_PUBLIC_URL", defaultValue = "http://localhost:9080")
  String publicUrl;

  private String base() {
    return publicUrl.replaceAll("/+$", "");
  }

  /** The accept link of an invitation token. */
  String invitation(String token) {
    return base() + "/api/v1/invitations/" + token;
  }

  /** A new member's onboarding checklist in the organisation {@code slug}. */
  String onboarding(String slug) {
    return base() + "/api/v1/orgs/" + slug + "/me/onboarding";
  }
}
