package dev.roster.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An endpoint to register.
 *
 * @param url where messages go: https (http only where the operator allows it), no user info
 * @param events the event types it receives: a type ({@code member.removed}), every type of a
 *     subject ({@code member.*}) or all ({@code *}); 1 to 50 of them
 * @param description what the endpoint is for, at most 500 characters
 */
public record NewWebhook(
    @NotBlank @Size(max = 2048) @Schema(example = "https://hooks.example.com/roster") String url,
    @NotNull @NotEmpty @Size(max = 50) @Schema(example = "[\"member.*\", \"invitation.accepted\"]")
        List<@NotBlank @Size(max = 100) String> events,
    @Size(max = 500) @Schema(nullable = true) String description) {}
