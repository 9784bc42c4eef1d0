package dev.roster.organisation;

import dev.roster.kernel.AccountId;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import dev.roster.kernel.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;

/** The tenant registry and provisioning. */
public interface Organisations {

  /**
   * Registers an organisation, creates and migrates its schema and makes the named account its
   * first admin, all or nothing. A 409 {@code slug-taken} problem when the slug is in use.
   */
  OrganisationView provision(@NotNull @Valid ProvisionOrganisation request);

  /** A page of all organisations, by slug. */
  Page<RegisteredOrganisation> list(@NotNull PageRequest page);

  /** The organisation with this slug, if it exists. */
  Optional<OrganisationView> bySlug(@NotNull String slug);

  /** The organisation with this id, if it exists. */
  Optional<OrganisationView> byId(@NotNull OrgId id);

  /** The tenant for this slug, if such an organisation exists. */
  Optional<Tenant> tenant(@NotNull String slug);

  /** The tenant of the organisation with this id, if it exists. */
  Optional<Tenant> tenantById(@NotNull OrgId orgId);

  /**
   * Attaches an existing account to the organisation with the role. An account whose email is
   * proven joins at once; for any other, the seat waits until the holder of the address proves it
   * through an emailed link, and the answer is empty. A 409 {@code already-member} problem when the
   * account is a current member already.
   */
  Optional<MemberView> attach(@NotNull String slug, @NotNull @Valid AttachMember request);

  /**
   * Where the account is a current member, from the platform's membership index alone (no tenant is
   * entered): each organisation's tenant and the member id there.
   */
  List<Place> placesOf(@NotNull AccountId accountId);

  /**
   * An account's membership, located.
   *
   * @param tenant the organisation's tenant
   * @param memberId the account's member id there
   */
  record Place(Tenant tenant, MemberId memberId) {}

  /** Brings every tenant schema up to the newest migration; returns how many this run migrated. */
  int migrateAll();
}
