// Members: counters, search and filters, a cursor-paged table, the detail panel, and the actions
// the caller may take (role, suspension, removal with the content choice).
import { api, query, org } from './api.js';
import {
  h, fill, field, select, toast, errorBox, showError, dialog, confirmDialog, date, lock, badge,
  download, pager, typeahead,
} from './ui.js';
import { lockNote, assignableRoles, roleName } from './rules.js';

const STATUSES = ['active', 'inactive', 'suspended', 'removed'];

export async function membersPage(main, ctx) {
  const slug = ctx.org.slug;
  const counters = h('ul', { class: 'counters', 'aria-label': 'Member totals' });
  const error = errorBox();
  const tbody = h('tbody');
  const more = h('button', { type: 'button', hidden: true }, 'Load more');
  const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });
  const teams = await api('GET', query(org(slug, '/teams'), { limit: 100 })).catch(() => ({ items: [] }));
  const q = h('input', { type: 'search', name: 'q', placeholder: 'Name or email' });
  const role = select([{ value: '', label: 'Any role' }, ...ctx.roles.map((r) => ({ value: r.key, label: r.name }))], '', { name: 'role' });
  const team = select([{ value: '', label: 'Any team' }, ...teams.items.map((t) => ({ value: t.id, label: t.name }))], '', { name: 'team' });
  const state = select([{ value: '', label: 'Current members' }, ...STATUSES.map((s) => ({ value: s, label: s }))], '', { name: 'status' });
  const joinedFrom = h('input', { type: 'date', name: 'joinedFrom' });
  const joinedTo = h('input', { type: 'date', name: 'joinedTo' });

  const filters = () => ({
    q: q.value.trim(),
    role: role.value,
    team: team.value,
    status: state.value,
    joinedFrom: joinedFrom.value ? new Date(`${joinedFrom.value}T00:00:00Z`).toISOString() : '',
    joinedTo: joinedTo.value ? new Date(`${joinedTo.value}T23:59:59Z`).toISOString() : '',
    limit: 50,
  });

  const load = pager({
    tbody,
    more,
    error,
    fetchPage: (cursor) => api('GET', query(org(slug, '/members'), { ...filters(), cursor })),
    row,
    after: (count, hasMore) => {
      status.textContent = count === 0 ? 'No member matches.' : `${count} shown${hasMore ? ', more to load' : ''}.`;
    },
  });

  async function counts() {
    try {
      const s = await api('GET', org(slug, '/members/summary'));
      const items = [
        ['Total', s.total],
        ['Admins', s.admins],
        ...Object.entries(s.statuses).map(([k, v]) => [k[0].toUpperCase() + k.slice(1), v]),
      ];
      if (s.subscriberLimit !== null || s.subscribers > 0) {
        items.push(['Subscribers', s.subscriberLimit !== null ? `${s.subscribers} of ${s.subscriberLimit}` : s.subscribers]);
      }
      if (s.memberLimit !== null) items.push(['Seats', `${s.seatsUsed} of ${s.memberLimit}`]);
      fill(counters, items.map(([k, v]) => h('li', { class: 'counter' }, h('span', { class: 'value' }, String(v)), h('span', { class: 'label' }, k))));
    } catch (e) {
      fill(counters);
    }
  }

  const refresh = () => {
    counts();
    load(true);
  };

  function roleCell(m) {
    const note = lockNote(ctx, m, 'roles.assign');
    if (note) {
      return h('td', {}, badge(roleName(ctx, m.role), 'role'), ' ', lock(note));
    }
    const menu = select(assignableRoles(ctx).map((r) => ({ value: r.key, label: r.name })), m.role, {
      'aria-label': `Role of ${m.name}`,
      class: 'role-menu',
      onchange: async () => {
        try {
          await api('PATCH', org(slug, `/members/${m.id}`), { role: menu.value });
          toast(`${m.name} is now ${roleName(ctx, menu.value)}.`);
          m.role = menu.value;
          counts();
        } catch (e) {
          toast(e.detail || e.message, 'bad');
          menu.value = m.role;
        }
      },
    });
    return h('td', {}, menu);
  }

  function actionsCell(m) {
    const note = lockNote(ctx, m);
    if (note) return h('td', { class: 'row-actions' }, lock(note));
    const buttons = [];
    if (m.status === 'suspended') {
      buttons.push(h('button', { type: 'button', onclick: () => reactivate(m) }, 'Reactivate', h('span', { class: 'visually-hidden' }, ` ${m.name}`)));
    } else {
      buttons.push(h('button', { type: 'button', onclick: () => suspend(m) }, 'Suspend', h('span', { class: 'visually-hidden' }, ` ${m.name}`)));
    }
    buttons.push(h('button', { type: 'button', class: 'danger', onclick: () => remove(m) }, 'Remove', h('span', { class: 'visually-hidden' }, ` ${m.name}`)));
    return h('td', { class: 'row-actions' }, buttons);
  }

  function row(m) {
    return h(
      'tr',
      { dataset: { row: '', member: m.id, email: m.email } },
      h(
        'th',
        { scope: 'row' },
        h('button', { type: 'button', class: 'link', onclick: () => detail(m) }, m.name),
        m.self ? h('span', { class: 'you' }, ' (you)') : null,
      ),
      h('td', { class: 'email' }, m.email),
      roleCell(m),
      h('td', {}, m.teams.length ? m.teams.map((t) => badge(t.name, 'team')) : h('span', { class: 'muted' }, '—')),
      h('td', {}, date(m.joinedAt)),
      h('td', {}, date(m.lastActiveAt)),
      h('td', {}, badge(m.status, `status-${m.status}`)),
      actionsCell(m),
    );
  }

  function suspend(m) {
    dialog(`Suspend ${m.name}`, (close) => {
      const error2 = errorBox();
      const reason = h('textarea', { name: 'reason', required: true, maxlength: 500, rows: 3 });
      const until = h('input', { type: 'date', name: 'until' });
      return h(
        'form',
        {
          onsubmit: async (event) => {
            event.preventDefault();
            try {
              await api('POST', org(slug, `/members/${m.id}/suspension`), {
                reason: reason.value.trim(),
                until: until.value ? new Date(`${until.value}T00:00:00Z`).toISOString() : undefined,
              });
              close();
              toast(`${m.name} is suspended.`);
              refresh();
            } catch (e) {
              showError(error2, e);
            }
          },
        },
        error2,
        field('Reason', reason, 'Kept in the audit log; the member does not see it.'),
        field('Lift on (optional)', until),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Suspend'), h('button', { type: 'button', onclick: close }, 'Cancel')),
      );
    });
  }

  async function reactivate(m) {
    if (!(await confirmDialog(`Reactivate ${m.name}`, `${m.name} can use the organisation again at once.`, 'Reactivate'))) return;
    try {
      await api('DELETE', org(slug, `/members/${m.id}/suspension`));
      toast(`${m.name} is active again.`);
      refresh();
    } catch (e) {
      toast(e.detail || e.message, 'bad');
    }
  }

  function remove(m) {
    dialog(`Remove ${m.name}`, (close) => {
      const error2 = errorBox();
      const choices = [
        ['transfer_to_admin', 'Transfer their content to me'],
        ['transfer_to_member', 'Transfer their content to another member'],
        ['convert_to_shared', 'Make their content shared with the organisation'],
        ['delete', 'Delete their private content'],
      ];
      const target = h('input', { type: 'search', name: 'transferSearch', placeholder: 'Name or email', 'aria-label': 'Member who receives the content' });
      const options = h('ul', { class: 'picker', role: 'listbox', 'aria-label': 'Matching members' });
      let chosen = null;
      const picker = h('div', { class: 'field', hidden: true }, h('label', { for: 'transfer-search' }, 'Member who receives the content'), target, options);
      target.id = 'transfer-search';
      typeahead(
        target,
        (text) => api('GET', query(org(slug, '/members'), { q: text, limit: 8 })),
        (page) =>
          fill(
            options,
            page.items
              .filter((x) => x.id !== m.id && x.status !== 'removed')
              .map((x) =>
                h(
                  'li',
                  {},
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'link',
                      role: 'option',
                      onclick: () => {
                        chosen = x;
                        target.value = `${x.name} <${x.email}>`;
                        fill(options);
                      },
                    },
                    `${x.name} <${x.email}>`,
                  ),
                ),
              ),
          ),
      );
      const fieldset = h(
        'fieldset',
        {},
        h('legend', {}, 'Their content'),
        choices.map(([value, label], i) =>
          h(
            'label',
            { class: 'choice' },
            h('input', {
              type: 'radio',
              name: 'content',
              value,
              checked: i === 0,
              onchange: () => {
                picker.hidden = value !== 'transfer_to_member';
              },
            }),
            ` ${label}`,
          ),
        ),
      );
      const form = h(
        'form',
        {
          onsubmit: async (event) => {
            event.preventDefault();
            const content = form.querySelector('input[name=content]:checked').value;
            if (content === 'transfer_to_member' && !chosen) {
              fill(error2, 'Choose the member who receives the content.');
              return;
            }
            try {
              const summary = await api('POST', org(slug, `/members/${m.id}/removal`), {
                content,
                transferTo: content === 'transfer_to_member' ? chosen.id : undefined,
              });
              fill(
                form,
                h('p', { role: 'status' }, `${m.name} was removed.`),
                h(
                  'ul',
                  { class: 'summary' },
                  h('li', {}, `Content moved: ${summary.contentMoved}`),
                  h('li', {}, `Content made shared: ${summary.contentConverted}`),
                  h('li', {}, `Content deleted: ${summary.contentDeleted}`),
                  h('li', {}, `Teams left: ${summary.teamsLeft}`),
                  h('li', {}, `Team ownerships handed over: ${summary.teamOwnershipsMoved}`),
                  h('li', {}, `API keys revoked: ${summary.apiKeysRevoked}`),
                ),
                h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', onclick: close }, 'Done')),
              );
              form.querySelector('button').focus();
              refresh();
            } catch (e) {
              showError(error2, e);
            }
          },
        },
        error2,
        h('p', {}, `${m.name} loses access at once; their teams are handed over to their next owner.`),
        fieldset,
        picker,
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger' }, 'Remove'), h('button', { type: 'button', onclick: close }, 'Cancel')),
      );
      return form;
    });
  }

  async function detail(m) {
    let d;
    let content = { items: [] };
    try {
      d = await api('GET', org(slug, `/members/${m.id}`));
      content = await api('GET', query(org(slug, '/content'), { owner: m.id, limit: 20 })).catch(() => content);
    } catch (e) {
      toast(e.detail || e.message, 'bad');
      return;
    }
    dialog(d.name, () =>
      h(
        'div',
        { class: 'detail' },
        h('dl', {},
          h('dt', {}, 'Email'), h('dd', {}, d.email),
          h('dt', {}, 'Role'), h('dd', {}, roleName(ctx, d.role)),
          h('dt', {}, 'Status'), h('dd', {}, d.status, d.suspension ? [' since ', date(d.suspension.since), d.suspension.until ? [' until ', date(d.suspension.until)] : null] : null),
          h('dt', {}, 'Joined'), h('dd', {}, date(d.joinedAt), ` via ${d.joinedVia}`),
          h('dt', {}, 'Last active'), h('dd', {}, date(d.lastActiveAt, true)),
          h('dt', {}, 'Two-factor'), h('dd', {}, d.twoFactor ? 'On' : 'Off'),
          h('dt', {}, 'Owned content'), h('dd', {}, String(d.ownedContent)),
        ),
        h('h3', {}, 'Teams'),
        d.teams.length ? h('ul', {}, d.teams.map((t) => h('li', {}, `${t.name} (${t.role})`))) : h('p', { class: 'muted' }, 'No team.'),
        h('h3', {}, 'Permissions'),
        h('table', { class: 'compact' },
          h('caption', { class: 'visually-hidden' }, `Permissions of ${d.name}`),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Permission'), h('th', { scope: 'col' }, 'Held'), h('th', { scope: 'col' }, 'From'))),
          h('tbody', {}, d.permissions.map((p) => h('tr', {}, h('td', {}, p.name), h('td', {}, p.granted ? 'Yes' : 'No'), h('td', {}, p.source === 'role' ? `role ${roleName(ctx, d.role)}` : 'override'))))),
        h('h3', {}, 'Content they own'),
        content.items.length
          ? h('ul', { class: 'content' }, content.items.map((c) => h('li', {}, c.title, ' ', badge(c.visibility === 'org' ? 'shared with the organisation' : c.visibility === 'team' ? 'shared with a team' : 'private', 'visibility'))))
          : h('p', { class: 'muted' }, 'None you can see.'),
        h('h3', {}, 'Recent activity'),
        d.recentActivity.length
          ? h('ul', { class: 'activity' }, d.recentActivity.map((a) => h('li', {}, date(a.occurredAt || a.at, true), ' ', a.action || a.type || '')))
          : h('p', { class: 'muted' }, 'Nothing recorded yet.'),
        ctx.may('audit.export')
          ? h('div', { class: 'actions' }, h('button', {
            type: 'button',
            onclick: async () => {
              try {
                // the last year, the longest range an export covers
                const to = new Date();
                const from = new Date(to.getTime() - 365 * 86400000);
                const path = query(org(slug, `/members/${d.id}/activity.csv`), { from: from.toISOString(), to: to.toISOString() });
                const blob = await api('GET', path, null, { raw: true, accept: 'text/csv' });
                download(blob, `${slug}-${d.email}-activity.csv`);
              } catch (e) {
                toast(e.detail || e.message, 'bad');
              }
            },
          }, 'Export activity (CSV, last year)'))
          : null,
      ),
    );
  }

  const form = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      'aria-label': 'Filter members',
      onsubmit: (event) => {
        event.preventDefault();
        load(true);
      },
    },
    field('Search', q),
    field('Role', role),
    field('Team', team),
    field('Status', state),
    field('Joined from', joinedFrom),
    field('Joined until', joinedTo),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Apply')),
  );
  let typing;
  q.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => load(true), 250);
  });
  [role, team, state, joinedFrom, joinedTo].forEach((c) => c.addEventListener('change', () => load(true)));

  fill(
    main,
    h('h1', {}, 'Members'),
    counters,
    form,
    error,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'members' },
        h('caption', { class: 'visually-hidden' }, 'Members of the organisation'),
        h(
          'thead',
          {},
          h('tr', {}, ['Name', 'Email', 'Role', 'Teams', 'Joined', 'Last active', 'Status', 'Actions'].map((c) => h('th', { scope: 'col' }, c))),
        ),
        tbody,
      ),
    ),
    status,
    more,
  );
  refresh();
}
