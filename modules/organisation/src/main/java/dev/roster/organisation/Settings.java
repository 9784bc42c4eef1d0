package dev.roster.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The settings of the organisation of the current request. Both need {@code settings.manage}. */
public interface Settings {

  /** The current settings. */
  OrgSettings get();

  /** Replaces the settings and returns them. */
  OrgSettings update(@NotNull @Valid OrgSettings settings);
}
