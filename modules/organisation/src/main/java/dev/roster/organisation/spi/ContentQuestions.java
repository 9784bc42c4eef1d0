package dev.roster.organisation.spi;

import dev.roster.kernel.MemberId;
import dev.roster.organisation.Permission;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Answers "may this member do this to this content item?" for the access checks, by the rules the
 * content endpoints enforce. Implemented by the content module; without it, content questions are
 * refused.
 */
public interface ContentQuestions {

  /** The content permissions it answers: {@code content.view} and {@code content.edit}. */
  List<String> permissions();

  /**
   * Whether the active member {@code member}, holding {@code held}, may do {@code permission} to
   * {@code item}, and why: {@code owner}, {@code collaborator}, {@code team-role}, {@code
   * org-permission} ({@code content.manage}, or {@code content.view_shared} for an item shared with
   * the organisation), {@code no-access} or {@code no-such-content}.
   */
  AccessVerdict answer(MemberId member, Set<Permission> held, UUID item, String permission);
}
