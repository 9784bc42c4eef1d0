package dev.roster.domains.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roster.kernel.ProblemException;
import org.junit.jupiter.api.Test;

/** An email domain is kept as one spelling: lower case, no root dot, a DNS host name. */
class DomainNormalisationTest {

  @Test
  void caseSpacesAndTheRootDotDoNotMakeAnotherDomain() {
    assertEquals("example.com", DomainsService.normalise("example.com"));
    assertEquals("example.com", DomainsService.normalise("  Example.COM "));
    assertEquals("example.com", DomainsService.normalise("example.com."));
    assertEquals("mail.example.co.uk", DomainsService.normalise("Mail.Example.co.uk"));
    assertEquals("x-1.example.com", DomainsService.normalise("x-1.example.com"));
  }

  @Test
  void labelsMayBeSixtyThreeCharactersAndTheNameTwoHundredFiftyThree() {
    String label = "a".repeat(63);
    assertEquals(label + ".com", DomainsService.normalise(label + ".com"));
    String longest = ("a".repeat(61) + ".").repeat(4) + "com"; // 4 × 62 + 3 = 251
    assertEquals(longest, DomainsService.normalise(longest));
  }

  @Test
  void whatIsNotAHostNameIsA400OnTheDomainField() {
    for (String bad :
        new String[] {
          "localhost",
          "example",
          ".example.com",
          "example..com",
          "-example.com",
          "example-.com",
          "exa_mple.com",
          "example.com/path",
          "user@example.com",
          "10.0.0.1",
          "a".repeat(64) + ".com",
          ("a".repeat(62) + ".").repeat(4) + "com",
          "bücher.de",
          "",
          "   "
        }) {
      ProblemException refused =
          assertThrows(ProblemException.class, () -> DomainsService.normalise(bad), bad);
      assertEquals(400, refused.problem().status(), bad);
      assertEquals("domain", refused.problem().errors().get(0).field(), bad);
    }
  }
}
