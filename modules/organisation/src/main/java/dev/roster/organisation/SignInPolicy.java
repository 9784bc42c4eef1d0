package dev.roster.organisation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How members must have signed in to use the organisation's URLs; checked on every request.
 *
 * @param requireTwoFactor members whose account signs in without a second factor get 403 {@code
 *     two-factor-required} (from {@code twoFactorDeadline}, when one is set); their personal API
 *     keys too. Members signed in through the provider are left to the provider.
 * @param twoFactorDeadline when the requirement starts; before it, admins see who is not compliant
 *     (the directory's {@code twoFactor=false}, the summary's {@code withoutTwoFactor})
 * @param methods the sign-in methods accepted: {@code password} (Roster's own sessions) and {@code
 *     provider} (the external OpenID Connect provider's tokens); others get 403 {@code
 *     sign-in-method-not-allowed}
 * @param maxSessionAgeSeconds the oldest sign-in accepted (300 s to a year), or null for any; older
 *     ones get 403 {@code session-too-old}
 */
public record SignInPolicy(
    @NotNull Boolean requireTwoFactor,
    @Schema(nullable = true) Instant twoFactorDeadline,
    @NotNull @Size(min = 1, max = 2)
        List<
                @NotNull
                @Pattern(regexp = "password|provider", message = "must be password or provider")
                String>
            methods,
    @Schema(nullable = true) @Min(300) @Max(31_536_000) Long maxSessionAgeSeconds) {

  /** The policy of an organisation that set none: both methods, any session age, no requirement. */
  public static final SignInPolicy OPEN =
      new SignInPolicy(false, null, List.of("password", "provider"), null);
}
