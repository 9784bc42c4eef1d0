// Teams: cards in each team's colour, creation for those who may, and a team's page with its
// members, role menus limited by the caller's team role, adding by search, ownership transfer,
// deactivation and reactivation. Regular members see only their own teams (the API decides).
import { api, query, org } from './api.js';
import { h, fill, field, select, toast, errorBox, showError, confirmDialog, date, badge, lock, typeahead } from './ui.js';
import { teamRolesFor } from './rules.js';

export async function teamsPage(main, ctx) {
  const slug = ctx.org.slug;
  const error = errorBox();
  const cards = h('ul', { class: 'cards' });
  const status = select([{ value: 'active', label: 'Active' }, { value: 'deactivated', label: 'Deactivated' }], 'active', { name: 'status' });

  async function load() {
    fill(error);
    try {
      const page = await api('GET', query(org(slug, '/teams'), { status: status.value, limit: 100 }));
      fill(
        cards,
        page.items.length
          ? page.items.map((t) =>
              h(
                'li',
                { class: 'team-card', dataset: { team: t.id, colour: t.colour } },
                h('span', { class: 'swatch', dataset: { colour: t.colour }, 'aria-hidden': 'true' }),
                h('h2', {}, h('a', { href: `#/o/${encodeURIComponent(slug)}/teams/${t.id}` }, t.name)),
                t.description ? h('p', {}, t.description) : null,
                h('p', { class: 'muted' }, `${t.memberCount} member${t.memberCount === 1 ? '' : 's'}`, t.myRole ? ` · you: ${t.myRole}` : ''),
              ),
            )
          : h('li', { class: 'muted' }, 'No team here yet.'),
      );
      paint(cards);
    } catch (e) {
      showError(error, e);
    }
  }

  const createError = errorBox();
  const name = h('input', { name: 'name', required: true, maxlength: 100 });
  const description = h('input', { name: 'description', maxlength: 500 });
  const create = ctx.may('teams.create')
    ? h(
        'form',
        {
          class: 'card',
          'aria-labelledby': 'create-team',
          onsubmit: async (event) => {
            event.preventDefault();
            fill(createError);
            try {
              const team = await api('POST', org(slug, '/teams'), { name: name.value.trim(), description: description.value.trim() || undefined });
              toast(`Team ${team.name} created.`);
              create.reset();
              load();
            } catch (e) {
              showError(createError, e);
            }
          },
        },
        h('h2', { id: 'create-team' }, 'Create a team'),
        createError,
        h('div', { class: 'grid' }, field('Name', name), field('Description (optional)', description)),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create team')),
      )
    : null;

  status.addEventListener('change', load);
  fill(main, h('h1', {}, 'Teams'), create, h('div', { class: 'filters' }, field('Show', status)), error, cards);
  load();
}

/** Team colours come from the API as #rrggbb; CSS variables carry them, set from script (CSP). */
function paint(root) {
  root.querySelectorAll('[data-colour]').forEach((el) => {
    if (/^#[0-9a-fA-F]{6}$/.test(el.dataset.colour)) el.style.setProperty('--team', el.dataset.colour);
  });
}

export async function teamPage(main, ctx, id) {
  const slug = ctx.org.slug;
  const base = org(slug, `/teams/${encodeURIComponent(id)}`);
  const team = await api('GET', base);
  const orgAdmin = ctx.top || ctx.me.platformAdmin;
  const error = errorBox();
  const tbody = h('tbody');
  let members = [];

  async function load() {
    fill(error);
    try {
      members = [];
      let cursor = null;
      do {
        const page = await api('GET', query(`${base}/members`, { cursor, limit: 100 }));
        members.push(...page.items);
        cursor = page.next;
      } while (cursor);
      fill(tbody, members.map(row));
      fill(transferTo, members.filter((m) => m.role !== 'owner').map((m) => h('option', { value: m.memberId }, `${m.name} (${m.role})`)));
    } catch (e) {
      showError(error, e);
    }
  }

  function row(m) {
    const roles = team.status === 'active' ? teamRolesFor(team.myRole, m.role, orgAdmin) : [];
    const self = m.memberId === ctx.org.memberId;
    let roleCell;
    if (self || roles.length === 0) {
      const note = m.role === 'owner'
        ? 'The owner changes only by transfer.'
        : self ? 'This is you.' : 'Only team members ranked above this member change their role.';
      roleCell = h('td', {}, badge(m.role, 'role'), ' ', lock(note));
    } else {
      const menu = select([m.role, ...roles.filter((r) => r !== m.role)].map((r) => ({ value: r, label: r })), m.role, {
        'aria-label': `Team role of ${m.name}`,
        class: 'role-menu',
        onchange: async () => {
          try {
            await api('PATCH', `${base}/members/${m.memberId}`, { role: menu.value });
            toast(`${m.name} is now ${menu.value}.`);
            m.role = menu.value;
          } catch (e) {
            toast(e.detail || e.message, 'bad');
            menu.value = m.role;
          }
        },
      });
      roleCell = h('td', {}, menu);
    }
    const removable = team.status === 'active' && m.role !== 'owner' && (self || orgAdmin || roles.length > 0);
    return h(
      'tr',
      { dataset: { member: m.memberId } },
      h('th', { scope: 'row' }, m.name, self ? h('span', { class: 'you' }, ' (you)') : null),
      h('td', { class: 'email' }, m.email),
      roleCell,
      h('td', {}, date(m.joinedAt)),
      h(
        'td',
        { class: 'row-actions' },
        removable
          ? h('button', {
              type: 'button',
              onclick: async () => {
                if (!(await confirmDialog(self ? 'Leave the team' : `Remove ${m.name}`, self ? `You leave ${team.name}.` : `${m.name} leaves ${team.name}.`, self ? 'Leave' : 'Remove', true))) return;
                try {
                  await api('DELETE', `${base}/members/${m.memberId}`);
                  toast(self ? `You left ${team.name}.` : `${m.name} left ${team.name}.`);
                  load();
                } catch (e) {
                  toast(e.detail || e.message, 'bad');
                }
              },
            }, self ? 'Leave' : 'Remove', h('span', { class: 'visually-hidden' }, self ? '' : ` ${m.name}`))
          : null,
      ),
    );
  }

  const manages = team.status === 'active' && (orgAdmin || team.myRole === 'owner' || team.myRole === 'admin');
  const owns = orgAdmin || team.myRole === 'owner';

  // add by search
  const addError = errorBox();
  const search = h('input', { type: 'search', id: 'add-member', placeholder: 'Name or email' });
  const found = h('ul', { class: 'picker', 'aria-label': 'Members to add' });
  typeahead(search, (text) => api('GET', query(org(slug, '/members'), { q: text, status: 'active', limit: 8 })), (page) => {
    const inTeam = new Set(members.map((m) => m.memberId));
    fill(
      found,
      page.items.filter((m) => !inTeam.has(m.id)).map((m) =>
        h('li', {}, h('button', {
          type: 'button',
          class: 'link',
          onclick: async () => {
            fill(addError);
            try {
              await api('POST', `${base}/members`, { memberId: m.id });
              toast(`${m.name} joined ${team.name}.`);
              search.value = '';
              fill(found);
              load();
            } catch (e) {
              showError(addError, e);
            }
          },
        }, `Add ${m.name} <${m.email}>`)),
      ),
    );
  });

  // ownership transfer
  const transferError = errorBox();
  const transferTo = h('select', { id: 'transfer-to', name: 'memberId' });
  const transfer = h(
    'form',
    {
      class: 'card',
      'aria-labelledby': 'transfer-heading',
      onsubmit: async (event) => {
        event.preventDefault();
        fill(transferError);
        const to = members.find((m) => m.memberId === transferTo.value);
        if (!to) return;
        if (!(await confirmDialog('Transfer ownership', `${to.name} becomes the owner of ${team.name}; the current owner becomes admin.`, 'Transfer'))) return;
        try {
          const changed = await api('POST', `${base}/ownership`, { memberId: to.memberId });
          Object.assign(team, changed);
          toast(`${to.name} owns ${team.name} now.`);
          teamPage(main, ctx, id);
        } catch (e) {
          showError(transferError, e);
        }
      },
    },
    h('h2', { id: 'transfer-heading' }, 'Transfer ownership'),
    transferError,
    h('div', { class: 'field' }, h('label', { for: 'transfer-to' }, 'New owner'), transferTo),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Transfer')),
  );

  const toggle = owns
    ? h('button', {
        type: 'button',
        class: team.status === 'active' ? 'danger' : 'primary',
        onclick: async () => {
          const active = team.status === 'active';
          if (active && !(await confirmDialog('Deactivate the team', `${team.name} is kept, but nobody can change it until it is reactivated.`, 'Deactivate', true))) return;
          try {
            await api(active ? 'POST' : 'DELETE', `${base}/deactivation`);
            toast(active ? `${team.name} is deactivated.` : `${team.name} is active again.`);
            teamPage(main, ctx, id);
          } catch (e) {
            toast(e.detail || e.message, 'bad');
          }
        },
      }, team.status === 'active' ? 'Deactivate team' : 'Reactivate team')
    : null;

  const head = h('div', { class: 'team-head', dataset: { colour: team.colour } },
    h('span', { class: 'swatch', 'aria-hidden': 'true', dataset: { colour: team.colour } }),
    h('h1', {}, team.name),
    badge(team.status, `status-${team.status}`));
  fill(
    main,
    h('p', {}, h('a', { href: `#/o/${encodeURIComponent(slug)}/teams` }, '← All teams')),
    head,
    team.description ? h('p', {}, team.description) : null,
    h('p', { class: 'muted' }, 'Created ', date(team.createdAt), team.myRole ? ` · your team role: ${team.myRole}` : ''),
    error,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'team-members' },
        h('caption', {}, 'Team members'),
        h('thead', {}, h('tr', {}, ['Name', 'Email', 'Team role', 'Joined', 'Actions'].map((c) => h('th', { scope: 'col' }, c)))),
        tbody,
      ),
    ),
    manages ? h('section', { class: 'card', 'aria-labelledby': 'add-heading' }, h('h2', { id: 'add-heading' }, 'Add a member'), addError, h('label', { for: 'add-member' }, 'Find a member'), search, found) : null,
    owns && team.status === 'active' ? transfer : null,
    toggle ? h('div', { class: 'actions' }, toggle) : null,
  );
  paint(main);
  await load();
}
