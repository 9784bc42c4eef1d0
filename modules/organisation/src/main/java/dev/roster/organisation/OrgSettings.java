package dev.roster.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An organisation's settings: the defaults its members inherit.
 *
 * @param inactivityDays members without activity for this many days show as inactive (1 to 3650)
 * @param externalSharing whether content may be shared outside the organisation
 * @param integrationAccess whether members may use the API with personal keys
 * @param featureFlags named features switched on or off for the whole organisation
 * @param auditRetentionDays audit entries older than this many days may be pruned (30 to 36500), or
 *     null to keep everything
 * @param signInPolicy how members must have signed in (always in answers; left out or null in a
 *     replacement, the policy in force stays)
 * @param memberLimit at most this many current members (active or suspended) plus pending
 *     invitations; null for no limit. Inviting, attaching, accepting and domain joins beyond it are
 *     refused (409 seat-limit-reached); a lower limit than the count in use refuses newcomers only
 * @param subscriberLimit at most this many current members hold a subscriber seat; null for no
 *     limit
 */
public record OrgSettings(
    @NotNull @Min(1) @Max(3650) Integer inactivityDays,
    @NotNull Boolean externalSharing,
    @NotNull Boolean integrationAccess,
    @NotNull @Size(max = 100)
        Map<
                @NotNull
                @Pattern(
                    regexp = "[a-z][a-z0-9_.-]{0,63}",
                    message = "must be a lower-case flag name")
                String,
                @NotNull Boolean>
            featureFlags,
    @Schema(nullable = true) @Min(30) @Max(36500) Integer auditRetentionDays,
    @Schema(nullable = true) @Valid SignInPolicy signInPolicy,
    @Schema(nullable = true) @Min(1) @Max(1000000) Integer memberLimit,
    @Schema(nullable = true) @Min(0) @Max(1000000) Integer subscriberLimit) {}
