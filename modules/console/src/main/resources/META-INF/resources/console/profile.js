// Profile: names, picture, email change, password, sessions, personal API keys and two-factor.
import { api, org } from './api.js';
import { h, fill, field, select, toast, errorBox, showError, confirmDialog, date } from './ui.js';

function section(id, title, ...body) {
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), ...body);
}

function form(onsubmit, ...body) {
  const error = errorBox();
  const f = h('form', {
    onsubmit: async (event) => {
      event.preventDefault();
      fill(error);
      try {
        await onsubmit(f);
      } catch (e) {
        showError(error, e);
      }
    },
  }, error, ...body);
  return f;
}

export async function profilePage(main, ctx) {
  const me = await api('GET', '/me');
  fill(main, h('h1', {}, 'Your profile'), names(me), picture(me), email(me), password(), await sessions(), await keys(me), await twoFactor());
}

function names(me) {
  const first = h('input', { name: 'firstName', value: me.firstName || '', maxlength: 100, autocomplete: 'given-name' });
  const last = h('input', { name: 'lastName', value: me.lastName || '', maxlength: 100, autocomplete: 'family-name' });
  const managed = me.managedBy ? h('p', { class: 'hint' }, `Your names come from ${me.managedBy}.`) : null;
  return section('names-heading', 'Name', managed, form(async () => {
    await api('PATCH', '/me', { firstName: first.value.trim(), lastName: last.value.trim() });
    toast('Your name is saved.');
  }, h('div', { class: 'grid' }, field('First name', first), field('Last name', last)),
  h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', disabled: Boolean(me.managedBy) }, 'Save name'))));
}

function picture(me) {
  const img = h('img', { class: 'avatar', alt: 'Your picture', width: 64, height: 64, hidden: true });
  async function show() {
    try {
      const blob = await api('GET', `/accounts/${me.id}/picture`, null, { raw: true, accept: 'image/*' });
      img.src = URL.createObjectURL(blob);
      img.hidden = false;
    } catch (e) {
      img.hidden = true;
    }
  }
  if (me.pictureUrl) show();
  const file = h('input', { type: 'file', accept: 'image/png,image/jpeg,image/webp', name: 'picture', required: true });
  return section('picture-heading', 'Picture', img, form(async () => {
    const chosen = file.files[0];
    await api('PUT', '/me/picture', chosen, { contentType: chosen.type || 'application/octet-stream' });
    toast('Your picture is saved.');
    show();
  }, field('Picture (PNG, JPEG or WebP)', file),
  h('div', { class: 'actions' },
    h('button', { type: 'submit', class: 'primary' }, 'Upload'),
    h('button', { type: 'button', onclick: async () => { try { await api('DELETE', '/me/picture'); img.hidden = true; toast('Your picture is removed.'); } catch (e) { toast(e.detail || e.message, 'bad'); } } }, 'Remove picture'))));
}

function email(me) {
  const address = h('input', { type: 'email', name: 'email', required: true, autocomplete: 'email' });
  const current = h('input', { type: 'password', name: 'currentPassword', autocomplete: 'current-password' });
  return section('email-heading', 'Email', h('p', {}, `Now: ${me.email}${me.emailVerified ? '' : ' (not proven yet)'}`), form(async (f) => {
    await api('POST', '/me/email', { email: address.value.trim(), currentPassword: current.value || undefined });
    f.reset();
    toast('A confirmation link went to the new address.');
  }, h('div', { class: 'grid' }, field('New email', address), field('Current password', current)),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Change email'))));
}

function password() {
  const current = h('input', { type: 'password', name: 'currentPassword', autocomplete: 'current-password', required: true });
  const next = h('input', { type: 'password', name: 'newPassword', autocomplete: 'new-password', minlength: 12, required: true });
  return section('password-heading', 'Password', form(async (f) => {
    await api('POST', '/me/password', { currentPassword: current.value, newPassword: next.value });
    f.reset();
    toast('Your password is changed.');
  }, h('div', { class: 'grid' }, field('Current password', current), field('New password', next, 'At least 12 characters.')),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Change password'))));
}

async function sessions() {
  const list = h('ul', { class: 'plain' });
  async function load() {
    const all = await api('GET', '/me/sessions');
    fill(list, all.map((s) => h('li', {}, 'Signed in ', date(s.createdAt, true), s.current ? h('strong', {}, ' (this browser)') : [
      ' ',
      h('button', { type: 'button', onclick: async () => { await api('DELETE', `/me/sessions/${s.id}`); load(); } }, 'End'),
    ])));
  }
  await load();
  return section('sessions-heading', 'Sessions', list);
}

async function keys(me) {
  const list = h('ul', { class: 'plain' });
  const secret = h('div', { role: 'status', 'aria-live': 'polite' });
  async function load() {
    const all = await api('GET', '/me/api-keys');
    const orgs = new Map(me.organisations.map((o) => [o.id, o]));
    fill(list, all.length ? all.map((k) => h('li', {}, h('strong', {}, k.name), ` ${k.prefix}… in ${orgs.get(k.orgId)?.name || 'an organisation'}, created `, date(k.createdAt), ', last used ', date(k.lastUsedAt), ' ',
      h('button', { type: 'button', class: 'danger', onclick: async () => {
        const o = orgs.get(k.orgId);
        if (!(await confirmDialog('Revoke the key', `${k.name} stops working at once.`, 'Revoke', true))) return;
        await api('DELETE', org(o.slug, `/me/api-keys/${k.id}`));
        load();
      } }, 'Revoke'))) : h('li', { class: 'muted' }, 'No key.'));
  }
  const name = h('input', { name: 'name', required: true, maxlength: 100 });
  const where = select(me.organisations.map((o) => ({ value: o.slug, label: o.name })), me.organisations[0]?.slug, { name: 'org' });
  await load();
  return section('keys-heading', 'Personal API keys', list, secret, me.organisations.length ? form(async (f) => {
    const issued = await api('POST', org(where.value, '/me/api-keys'), { name: name.value.trim() });
    fill(secret, h('p', {}, 'Copy the key now; it is not shown again: ', h('code', { class: 'secret' }, issued.secret)));
    f.reset();
    load();
  }, h('div', { class: 'grid' }, field('Name', name), field('Organisation', where)),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Create key'))) : null);
}

async function twoFactor() {
  const body = h('div');
  async function load() {
    const status = await api('GET', '/me/two-factor');
    if (status.enabled) {
      const pw = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
      const code = h('input', { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', required: true });
      fill(body, h('p', {}, 'On since ', date(status.enabledAt), `; ${status.recoveryCodesLeft} recovery codes left.`),
        form(async () => {
          await api('POST', '/me/two-factor/removal', { password: pw.value, code: code.value.trim() });
          toast('Two-factor sign-in is off.');
          load();
        }, h('div', { class: 'grid' }, field('Password', pw), field('Current code', code)),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger' }, 'Turn off'))));
    } else {
      fill(body, h('p', {}, 'Off.'), h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', onclick: enrol }, 'Turn on')));
    }
  }
  async function enrol() {
    const enrolment = await api('POST', '/me/two-factor');
    const code = h('input', { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', required: true });
    fill(body,
      h('p', {}, 'Scan the code with your authenticator app, or enter the key by hand.'),
      h('img', { src: enrolment.qrCode, alt: 'QR code for your authenticator app', width: 180, height: 180 }),
      h('p', {}, 'Key: ', h('code', { class: 'secret' }, enrolment.secret)),
      form(async () => {
        const codes = await api('POST', '/me/two-factor/confirmation', { code: code.value.trim() });
        fill(body, h('p', { role: 'status' }, 'Two-factor sign-in is on. Keep these recovery codes somewhere safe; each works once:'),
          h('ul', { class: 'codes' }, codes.recoveryCodes.map((c) => h('li', {}, h('code', {}, c)))),
          h('button', { type: 'button', onclick: load }, 'Done'));
      }, field('Code from the app', code), h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Confirm'))));
  }
  await load();
  return section('two-factor-heading', 'Two-factor sign-in', body);
}
