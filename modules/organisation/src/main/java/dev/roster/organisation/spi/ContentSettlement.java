package dev.roster.organisation.spi;

/**
 * The second step of a removal, implemented by the content module: apply the removal's content
 * option to what the member owns, after {@link TeamHandover} (content shared with a team follows
 * the team's new owner). Runs in the removal's transaction; a failure undoes the removal.
 */
public interface ContentSettlement {

  /** Applies the content option; says what it did. */
  Result settle(Removal removal);

  /**
   * What the step did.
   *
   * @param moved items given to another member
   * @param converted items shared with the whole organisation instead
   * @param deleted items deleted
   */
  record Result(int moved, int converted, int deleted) {

    /** Nothing: no content module, or a member who owned nothing. */
    public static final Result NONE = new Result(0, 0, 0);
  }
}
