package dev.roster.teams;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A team's budget: how much it may spend per period. Roster records it; spending is the product's
 * business.
 *
 * @param amount zero or more, with no more decimals than the currency has (two for EUR, none for
 *     JPY)
 * @param currency an ISO 4217 code, upper case
 * @param period {@code monthly}, {@code quarterly} or {@code yearly}
 */
public record TeamBudget(
    @NotNull @DecimalMin("0") @DecimalMax("999999999999999") BigDecimal amount,
    @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
    @NotNull
        @Schema(enumeration = {"monthly", "quarterly", "yearly"})
        @Pattern(
            regexp = "monthly|quarterly|yearly",
            message = "must be monthly, quarterly or yearly")
        String period) {}
