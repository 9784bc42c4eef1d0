// Settings: the organisation's defaults and retention, its verified domains with the DNS record
// each needs, and each member's permission overrides and settings.
import { api, query, org } from './api.js';
import { h, fill, field, select, toast, errorBox, showError, confirmDialog, date, badge, typeahead } from './ui.js';
import { forget, rebrand } from './app.js';

function numberOrNull(input) {
  return input.value === '' ? null : Number(input.value);
}

export async function settingsPage(main, ctx) {
  const slug = ctx.org.slug;
  const sections = [h('h1', {}, 'Settings')];
  if (ctx.may('settings.manage')) {
    sections.push(await defaults(ctx), await brandingSection(ctx), await domains(ctx));
  }
  if (ctx.may('members.manage')) {
    sections.push(overrides(ctx));
  }
  fill(main, sections);
  void slug;
}

async function defaults(ctx) {
  const slug = ctx.org.slug;
  const settings = await api('GET', org(slug, '/settings'));
  const error = errorBox();
  const inactivity = h('input', { type: 'number', name: 'inactivityDays', min: 1, value: settings.inactivityDays });
  const retention = h('input', { type: 'number', name: 'auditRetentionDays', min: 1, value: settings.auditRetentionDays ?? '' });
  const memberLimit = h('input', { type: 'number', name: 'memberLimit', min: 1, value: settings.memberLimit ?? '' });
  const sharing = h('input', { type: 'checkbox', name: 'externalSharing', checked: settings.externalSharing });
  const integrations = h('input', { type: 'checkbox', name: 'integrationAccess', checked: settings.integrationAccess });
  const twoFactor = h('input', { type: 'checkbox', name: 'requireTwoFactor', checked: settings.signInPolicy && settings.signInPolicy.requireTwoFactor });
  const form = h(
    'form',
    {
      class: 'card',
      'aria-labelledby': 'defaults-heading',
      onsubmit: async (event) => {
        event.preventDefault();
        fill(error);
        try {
          const changed = {
            ...settings,
            inactivityDays: Number(inactivity.value),
            auditRetentionDays: numberOrNull(retention),
            memberLimit: numberOrNull(memberLimit),
            externalSharing: sharing.checked,
            integrationAccess: integrations.checked,
            signInPolicy: settings.signInPolicy ? { ...settings.signInPolicy, requireTwoFactor: twoFactor.checked } : undefined,
          };
          Object.assign(settings, await api('PUT', org(slug, '/settings'), changed));
          toast('Settings saved.');
        } catch (e) {
          showError(error, e);
        }
      },
    },
    h('h2', { id: 'defaults-heading' }, 'Organisation defaults'),
    error,
    h('div', { class: 'grid' },
      field('Inactive after (days)', inactivity, 'Members with no activity this long count as inactive.'),
      field('Keep audit entries (days)', retention, 'Empty: keep them for ever.'),
      field('Member limit', memberLimit, 'Empty: no limit.')),
    h('label', { class: 'choice' }, sharing, ' Members may share content outside the organisation'),
    h('label', { class: 'choice' }, integrations, ' Integrations may use the API'),
    h('label', { class: 'choice' }, twoFactor, ' Every member signs in with a second factor'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save settings')),
  );
  return form;
}

async function brandingSection(ctx) {
  const slug = ctx.org.slug;
  const error = errorBox();
  const current = await api('GET', org(slug, '/branding'));
  const colour = h('input', { type: 'color', name: 'accentColour', value: current.accentColour || '#2447b3' });
  const logo = h('input', { type: 'file', name: 'logo', accept: 'image/png,image/jpeg,image/webp' });
  const form = h(
    'form',
    {
      class: 'card',
      'aria-labelledby': 'branding-heading',
      onsubmit: async (event) => {
        event.preventDefault();
        fill(error);
        try {
          let now = await api('PUT', org(slug, '/branding'), { accentColour: colour.value });
          if (logo.files.length) {
            now = await api('PUT', org(slug, '/branding/logo'), logo.files[0], { contentType: logo.files[0].type || 'application/octet-stream' });
          }
          rebrand(now);
          toast('Branding saved.');
        } catch (e) {
          showError(error, e);
        }
      },
    },
    h('h2', { id: 'branding-heading' }, 'Branding'),
    h('p', { class: 'hint' }, 'The console shows your accent colour and logo, to your members and to admins you send in with a console link.'),
    error,
    h('div', { class: 'grid' }, field('Accent colour', colour), field('Logo (PNG, JPEG or WebP)', logo)),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Save branding'),
      h('button', {
        type: 'button',
        onclick: async () => {
          try {
            let now = await api('PUT', org(slug, '/branding'), { accentColour: null });
            if (now.logoUrl) now = await api('DELETE', org(slug, '/branding/logo'));
            rebrand(now);
            toast('Back to Roster\'s look.');
          } catch (e) {
            showError(error, e);
          }
        },
      }, 'Reset')),
  );
  return form;
}

async function domains(ctx) {
  const slug = ctx.org.slug;
  const error = errorBox();
  const list = h('ul', { class: 'domains' });
  async function load() {
    try {
      const all = await api('GET', org(slug, '/domains'));
      fill(
        list,
        all.length
          ? all.map((d) =>
              h(
                'li',
                { class: 'card', dataset: { domain: d.domain } },
                h('h3', {}, d.domain, ' ', badge(d.status, `status-${d.status}`)),
                d.status !== 'verified'
                  ? h('div', {},
                      h('p', {}, 'Add this DNS record at your DNS provider, then verify:'),
                      h('dl', { class: 'dns' },
                        h('dt', {}, 'Type'), h('dd', { class: 'mono' }, d.verification.type),
                        h('dt', {}, 'Name'), h('dd', { class: 'mono' }, d.verification.name),
                        h('dt', {}, 'Value'), h('dd', { class: 'mono' }, d.verification.value)))
                  : h('p', {}, 'Verified ', date(d.verifiedAt), `; people with a proven address here join as ${d.role}.`),
                h('p', { class: 'muted' }, 'Last checked ', date(d.lastCheckedAt, true)),
                h('div', { class: 'actions' },
                  d.status !== 'verified'
                    ? h('button', {
                        type: 'button',
                        onclick: async () => {
                          try {
                            await api('POST', org(slug, `/domains/${d.id}/verification`));
                            toast(`${d.domain} is verified.`);
                          } catch (e) {
                            if (e.kind === 'verification-failed') toast(`The record for ${d.domain} is not there yet. ${e.detail}`, 'warn');
                            else toast(e.detail || e.message, 'bad');
                          }
                          load();
                        },
                      }, 'Verify now')
                    : null,
                  h('button', {
                    type: 'button',
                    class: 'danger',
                    onclick: async () => {
                      if (!(await confirmDialog('Remove the domain', `${d.domain} stops bringing people in.`, 'Remove', true))) return;
                      try {
                        await api('DELETE', org(slug, `/domains/${d.id}`));
                        load();
                      } catch (e) {
                        toast(e.detail || e.message, 'bad');
                      }
                    },
                  }, 'Remove')),
              ),
            )
          : h('li', { class: 'muted' }, 'No domain yet.'),
      );
    } catch (e) {
      showError(error, e);
    }
  }
  const name = h('input', { name: 'domain', required: true, placeholder: 'example.com' });
  const role = select(ctx.roles.map((r) => ({ value: r.key, label: r.name })), ctx.roles[ctx.roles.length - 1].key, { name: 'role' });
  const form = h(
    'form',
    {
      onsubmit: async (event) => {
        event.preventDefault();
        fill(error);
        try {
          await api('POST', org(slug, '/domains'), { domain: name.value.trim(), role: role.value });
          form.reset();
          load();
        } catch (e) {
          showError(error, e);
        }
      },
    },
    h('div', { class: 'grid' }, field('Domain', name), field('Role for people who join', role)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Add domain')),
  );
  load();
  return h('section', { class: 'card', 'aria-labelledby': 'domains-heading' }, h('h2', { id: 'domains-heading' }, 'Domains'), error, form, list);
}

function overrides(ctx) {
  const slug = ctx.org.slug;
  const error = errorBox();
  const search = h('input', { type: 'search', id: 'override-search', placeholder: 'Name or email' });
  const found = h('ul', { class: 'picker' });
  const panel = h('div');
  typeahead(
    search,
    (text) => api('GET', query(org(slug, '/members'), { q: text, limit: 8 })),
    (page) => fill(found, page.items.map((m) => h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => open(m.id) }, `${m.name} <${m.email}>`)))),
  );
  async function open(id) {
    fill(found);
    fill(error);
    try {
      const d = await api('GET', org(slug, `/members/${id}`));
      const rows = d.permissions.map((p) => {
        const choice = select(
          [{ value: '', label: 'From the role' }, { value: 'grant', label: 'Granted' }, { value: 'deny', label: 'Denied' }],
          p.source === 'override' ? (p.granted ? 'grant' : 'deny') : '',
          { 'aria-label': `${p.name} for ${d.name}`, name: p.name },
        );
        return h('tr', {}, h('th', { scope: 'row' }, p.name), h('td', {}, p.granted ? 'Held' : 'Not held'), h('td', {}, choice));
      });
      const own = (s) => (s.source === 'member' ? String(s.value) : '');
      const inherit = (s) => ({ value: '', label: `As the organisation (${s.source === 'member' ? 'default' : s.value})` });
      const notifications = select([inherit(d.settings.notifications), ...['all', 'mentions', 'none'].map((v) => ({ value: v, label: v }))], own(d.settings.notifications), { name: 'notifications' });
      const onOff = (s, name) => select([inherit(s), { value: 'true', label: 'On' }, { value: 'false', label: 'Off' }], own(s), { name });
      const apiAccess = onOff(d.settings.apiAccess, 'apiAccess');
      const externalSharing = onOff(d.settings.externalSharing, 'externalSharing');
      const flag = (sel) => (sel.value === '' ? null : sel.value === 'true');
      const form = h(
        'form',
        {
          onsubmit: async (event) => {
            event.preventDefault();
            fill(error);
            try {
              const chosen = [...form.querySelectorAll('tbody select')].filter((s) => s.value).map((s) => ({ permission: s.name, granted: s.value === 'grant' }));
              await api('PUT', org(slug, `/members/${d.id}/permissions`), { overrides: chosen });
              await api('PUT', org(slug, `/members/${d.id}/settings`), {
                notifications: notifications.value || null,
                apiAccess: flag(apiAccess),
                externalSharing: flag(externalSharing),
              });
              if (d.self) forget();
              toast(`Saved for ${d.name}.`);
            } catch (e) {
              showError(error, e);
            }
          },
        },
        h('h3', {}, d.name),
        h('table', { class: 'compact' },
          h('caption', {}, 'Permission overrides'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Permission'), h('th', { scope: 'col' }, 'Now'), h('th', { scope: 'col' }, 'Override'))),
          h('tbody', {}, rows)),
        h('div', { class: 'grid' }, field('Notifications', notifications), field('API access', apiAccess), field('External sharing', externalSharing)),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save member')),
      );
      fill(panel, form);
    } catch (e) {
      showError(error, e);
    }
  }
  return h('section', { class: 'card', 'aria-labelledby': 'overrides-heading' },
    h('h2', { id: 'overrides-heading' }, 'Member overrides and settings'),
    error,
    h('label', { for: 'override-search' }, 'Find a member'), search, found, panel);
}
