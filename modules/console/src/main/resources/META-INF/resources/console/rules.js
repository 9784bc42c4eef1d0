// What the caller may do to a member, worked out from the public role catalogue and the caller's
// own permissions, so that the console offers only what the server will allow. The server
// decides again on every request; these only shape the page.

/** The rank of a role key, 0 when unknown. */
export function rankOf(ctx, key) {
  const role = ctx.roles.find((r) => r.key === key);
  return role ? role.rank : 0;
}

/** The name of a role key. */
export function roleName(ctx, key) {
  const role = ctx.roles.find((r) => r.key === key);
  return role ? role.name : key;
}

/** Why the caller cannot manage this member (suspend, remove, change), or null when they can. */
export function lockNote(ctx, member, permission = 'members.manage') {
  if (member.self) return 'This is you: others change your membership.';
  if (member.status === 'removed') return 'This member was removed.';
  if (!ctx.may(permission)) return `Changing members needs the ${permission} permission, which you do not hold.`;
  if (!ctx.me.platformAdmin && rankOf(ctx, member.role) >= ctx.rank) {
    return `Only members ranked above ${roleName(ctx, member.role)} can change this member.`;
  }
  return null;
}

/** The roles the caller may give: none above their own, none holding a permission they lack. */
export function assignableRoles(ctx) {
  return ctx.roles.filter(
    (r) => ctx.me.platformAdmin || (r.rank <= ctx.rank && r.permissions.every((p) => ctx.held.has(p))),
  );
}

const teamRanks = { owner: 5, admin: 4, moderator: 3, member: 2, viewer: 1 };

/** The team roles a holder of myRole may give to someone ranked theirRole, [] when none. */
export function teamRolesFor(myRole, theirRole, orgAdmin) {
  const mine = teamRanks[myRole] || 0;
  if (theirRole === 'owner') return [];
  if (orgAdmin && mine < teamRanks.admin) {
    return ['admin', 'moderator', 'member', 'viewer'];
  }
  if (mine < teamRanks.admin || (teamRanks[theirRole] || 0) >= mine) return [];
  return Object.keys(teamRanks).filter((r) => teamRanks[r] < mine);
}
