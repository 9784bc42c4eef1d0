package dev.roster.organisation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * All of a member's attribute values, by field key: a string, number, boolean, date (YYYY-MM-DD) or
 * one of the field's options, as its type says. Fields left out have no value.
 *
 * @param values the values
 */
public record MemberAttributes(@NotNull @Size(max = 100) Map<String, Object> values) {}
