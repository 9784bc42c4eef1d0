package dev.roster.app.incontainer;

import dev.roster.identity.Accounts;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.Tenant;
import dev.roster.organisation.AttachMember;
import dev.roster.organisation.MemberView;
import dev.roster.organisation.Organisations;
import dev.roster.organisation.ProvisionOrganisation;
import java.util.UUID;

/** A new organisation of the in-container tests, with its first admin and one member. */
record Orgs(String slug, Tenant tenant, String adminEmail, MemberView member) {

  /**
   * Provisions an organisation whose first admin and whose member {@code name} have proven their
   * addresses (seats named by email go to proven addresses only).
   */
  static Orgs withMember(Organisations organisations, Accounts accounts, String name) {
    String slug = "arq-" + UUID.randomUUID().toString().substring(0, 8);
    String adminEmail = slug + "-admin@example.com";
    proven(accounts, adminEmail, "Admin");
    organisations.provision(
        new ProvisionOrganisation(
            slug, slug, new ProvisionOrganisation.FirstAdmin(adminEmail, "Admin"), null));
    String email = slug + "-" + name.toLowerCase(java.util.Locale.ROOT) + "@example.com";
    proven(accounts, email, name);
    return new Orgs(
        slug,
        organisations.tenant(slug).orElseThrow(),
        adminEmail,
        organisations.attach(slug, new AttachMember(email, "member")).orElseThrow());
  }

  private static void proven(Accounts accounts, String email, String name) {
    accounts.proven(AccountId.of(accounts.findOrCreate(email, name).id()), "test");
  }
}
