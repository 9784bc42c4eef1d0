package dev.roster.scim.internal;

/**
 * A SCIM error (RFC 7644 section 3.12): the status, the {@code scimType} where the RFC names one,
 * and a detail for people. Answered in the SCIM error schema by {@link ScimAnswers}.
 */
class ScimError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String scimType;

  ScimError(int status, String scimType, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.scimType = scimType;
  }

  int status() {
    return status;
  }

  String scimType() {
    return scimType;
  }

  static ScimError invalidValue(String detail) {
    return new ScimError(400, "invalidValue", detail);
  }

  static ScimError invalidFilter(String detail) {
    return new ScimError(400, "invalidFilter", detail);
  }

  static ScimError invalidPath(String detail) {
    return new ScimError(400, "invalidPath", detail);
  }

  static ScimError invalidSyntax(String detail) {
    return new ScimError(400, "invalidSyntax", detail);
  }

  static ScimError mutability(String detail) {
    return new ScimError(400, "mutability", detail);
  }

  static ScimError noTarget(String detail) {
    return new ScimError(400, "noTarget", detail);
  }

  static ScimError uniqueness(String detail) {
    return new ScimError(409, "uniqueness", detail);
  }

  static ScimError notFound(String detail) {
    return new ScimError(404, null, detail);
  }
}
