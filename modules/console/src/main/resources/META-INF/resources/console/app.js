// The console's shell: sign-in state, the organisation in use, navigation and the page router.
// Routes live in the fragment (#/o/acme/members) so that the server serves one page.
import { api, onSession, refresh, signedIn, logout, org as orgPath } from './api.js';
import { h, fill, toast } from './ui.js';
import { palette } from './colours.js';
import { signInPage, linkPage, finishProvider } from './signin.js';
import { membersPage } from './members.js';
import { invitationsPage } from './invitations.js';
import { teamsPage, teamPage } from './teams.js';
import { auditPage } from './audit.js';
import { settingsPage } from './settings.js';
import { profilePage } from './profile.js';

const main = document.getElementById('main');
const top = document.getElementById('top');
let context = null; // { me, org, roles, held:Set, rank, view }

/** Everything pages need to know about the caller in the organisation in use. */
async function enter(slug) {
  if (context && context.org.slug === slug) return context;
  const me = await api('GET', '/me');
  const membership = me.organisations.find((o) => o.slug === slug);
  if (!membership) {
    const error = new Error(`You are not a member of ${slug}.`);
    error.title = 'Not a member';
    error.detail = `You are not a member of ${slug}.`;
    throw error;
  }
  const [roles, mine, view, branding] = await Promise.all([
    api('GET', orgPath(slug, '/roles')),
    api('GET', orgPath(slug, `/members/${membership.memberId}`)),
    api('GET', orgPath(slug)),
    api('GET', orgPath(slug, '/branding')).catch(() => ({ accentColour: null, logoUrl: null })),
  ]);
  view.branding = branding;
  const held = new Set(mine.permissions.filter((p) => p.granted).map((p) => p.name));
  const role = roles.find((r) => r.key === membership.role);
  context = {
    me,
    org: membership,
    view,
    roles,
    held,
    rank: role ? role.rank : 0,
    top: Boolean(role && role.top),
    may: (permission) => me.platformAdmin || held.has(permission),
  };
  brand(view);
  return context;
}

/** The organisation's accent colour and logo, when it set them. */
function brand(view) {
  const accent = view && view.branding && view.branding.accentColour;
  const root = document.documentElement.style;
  ['--accent', '--accent-ink', '--accent-fill', '--on-accent'].forEach((p) => root.removeProperty(p));
  if (accent && /^#[0-9a-fA-F]{6}$/.test(accent)) {
    Object.entries(palette(accent.toLowerCase())).forEach(([p, v]) => root.setProperty(p, v));
  }
}

/** Forgets what was loaded about the organisation, after the caller's own rights changed. */
export function forget() {
  context = null;
}

/** Shows branding that just changed. */
export function rebrand(branding) {
  if (!context) return;
  context.view.branding = branding;
  brand(context.view);
  header(context, 'settings');
}

function nav(ctx, current) {
  const slug = ctx.org.slug;
  const links = [
    ['members', 'Members', true],
    ['invitations', 'Invitations', ctx.may('members.invite')],
    ['teams', 'Teams', true],
    ['audit', 'Audit', ctx.may('audit.export')],
    ['settings', 'Settings', ctx.may('settings.manage') || ctx.may('members.manage')],
  ];
  return h(
    'nav',
    { 'aria-label': 'Sections' },
    h(
      'ul',
      {},
      links
        .filter(([, , shown]) => shown)
        .map(([key, label]) =>
          h(
            'li',
            {},
            h(
              'a',
              { href: `#/o/${encodeURIComponent(slug)}/${key}`, 'aria-current': key === current ? 'page' : null },
              label,
            ),
          ),
        ),
    ),
  );
}

function header(ctx, current) {
  const logo = ctx && ctx.view && ctx.view.branding && ctx.view.branding.logoUrl;
  const name = ctx ? ctx.view.name : 'Roster';
  top.hidden = false;
  fill(
    top,
    h(
      'div',
      { class: 'brand' },
      h('img', { src: 'roster.svg', alt: '', class: 'logo', width: 28, height: 28, 'data-logo': logo || null }),
      h('span', { class: 'org-name' }, name),
      ctx && context && context.me.organisations.length > 1
        ? h('a', { href: '#/orgs', class: 'switch' }, 'Switch organisation')
        : null,
    ),
    ctx ? nav(ctx, current) : null,
    h(
      'div',
      { class: 'account' },
      h('a', { href: '#/profile', 'aria-current': current === 'profile' ? 'page' : null }, 'Profile'),
      h(
        'button',
        {
          type: 'button',
          id: 'sign-out',
          onclick: async () => {
            await logout();
            location.hash = '#/signin';
          },
        },
        'Sign out',
      ),
    ),
  );
  if (logo) loadLogo(ctx.org.slug);
}

async function loadLogo(slug) {
  try {
    const blob = await api('GET', orgPath(slug, '/branding/logo'), null, { raw: true, accept: 'image/png, image/jpeg' });
    const img = top.querySelector('img.logo');
    if (img) {
      img.src = URL.createObjectURL(blob);
      img.alt = `${context.view.name} logo`;
    }
  } catch (e) {
    // the default mark stays
  }
}

async function orgsPage() {
  top.hidden = false;
  const me = await api('GET', '/me');
  context = null;
  header(null, 'orgs');
  if (me.organisations.length === 1) {
    location.replace(`#/o/${encodeURIComponent(me.organisations[0].slug)}/members`);
    return;
  }
  fill(
    main,
    h('h1', {}, 'Choose an organisation'),
    me.organisations.length === 0
      ? h('p', {}, 'You are not a member of any organisation yet. An invitation brings you in.')
      : h(
          'ul',
          { class: 'org-list' },
          me.organisations.map((o) =>
            h(
              'li',
              {},
              h('a', { href: `#/o/${encodeURIComponent(o.slug)}/members` }, o.name),
              ' ',
              h('span', { class: 'muted' }, `${o.role}${o.suspended ? ', suspended' : ''}`),
            ),
          ),
        ),
  );
}

const pages = {
  members: membersPage,
  invitations: invitationsPage,
  teams: teamsPage,
  audit: auditPage,
  settings: settingsPage,
};

async function route() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const [first] = parts;
  if (first === 'link' && parts[1]) {
    return linkPage(main, parts[1], (slug) => {
      context = null;
      location.replace(`#/o/${encodeURIComponent(slug)}/members`);
    });
  }
  if (!signedIn() && !(await refresh())) {
    top.hidden = true;
    context = null;
    return signInPage(main, () => {
      location.hash = '#/orgs';
      route();
    });
  }
  if (first === 'profile') {
    header(context, 'profile');
    return profilePage(main, context);
  }
  if (first === 'o' && parts[1]) {
    const ctx = await enter(parts[1]);
    const page = parts[2] || 'members';
    header(ctx, page);
    if (page === 'teams' && parts[3]) return teamPage(main, ctx, parts[3]);
    const render = pages[page];
    if (render) return render(main, ctx);
  }
  return orgsPage();
}

let returning = true;

async function show() {
  try {
    if (returning) {
      // the first load may be the provider sending the browser back with a code
      returning = false;
      await finishProvider();
    }
    await route();
  } catch (error) {
    fill(
      main,
      h('h1', {}, error.title || 'Something went wrong'),
      h('p', { role: 'alert' }, error.detail || String(error.message || error)),
      h('p', {}, h('a', { href: '#/orgs' }, 'Back to your organisations')),
    );
  }
  const heading = main.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
    document.title = `${heading.textContent} · Roster console`;
  }
}

onSession((active) => {
  if (!active) {
    context = null;
    toast('You are signed out.', 'warn');
    if (!location.hash.startsWith('#/signin')) location.hash = '#/signin';
    else show();
  }
});

document.getElementById('skip').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', show);
show();
