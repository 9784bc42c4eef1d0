package dev.roster.organisation;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A member's own settings; each null inherits the organisation's setting (or, for notifications,
 * {@code all}).
 *
 * @param notifications all, mentions or none
 * @param apiAccess whether the member may use the API with personal keys
 * @param externalSharing whether the member may share content outside the organisation
 * @param featureAccess feature flags switched on or off for this member only
 */
public record MemberSettings(
    @Pattern(regexp = "all|mentions|none", message = "must be all, mentions or none")
        String notifications,
    Boolean apiAccess,
    Boolean externalSharing,
    @Size(max = 100)
        Map<
                @jakarta.validation.constraints.NotNull
                @Pattern(
                    regexp = "[a-z][a-z0-9_.-]{0,63}",
                    message = "must be a lower-case flag name")
                String,
                @jakarta.validation.constraints.NotNull Boolean>
            featureAccess) {}
