// Sign-in: a password, then a second factor when the account has one; and the one-time links
// that a tenant's product sends its admins into the console with.
import { login, secondFactor, openLink } from './api.js';
import { h, fill, field, errorBox, showError } from './ui.js';

export function signInPage(main, done) {
  const error = errorBox();
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = h('input', {
    type: 'password',
    name: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const form = h(
    'form',
    {
      class: 'card narrow',
      onsubmit: async (event) => {
        event.preventDefault();
        fill(error);
        const button = form.querySelector('button');
        button.disabled = true;
        try {
          const answer = await login(email.value.trim(), password.value);
          if (answer.challenge) {
            twoFactorStep(main, answer.challenge.challenge, done);
          } else {
            done();
          }
        } catch (e) {
          showError(error, e);
          password.select();
        } finally {
          button.disabled = false;
        }
      },
    },
    error,
    field('Email', email),
    field('Password', password),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Sign in')),
  );
  fill(main, h('h1', {}, 'Sign in to Roster'), form);
}

function twoFactorStep(main, challenge, done) {
  const error = errorBox();
  let recovery = false;
  const code = h('input', {
    name: 'code',
    inputmode: 'numeric',
    autocomplete: 'one-time-code',
    pattern: '[0-9]{6}',
    maxlength: 6,
    required: true,
  });
  const recoveryCode = h('input', { name: 'recoveryCode', autocomplete: 'off' });
  const codeField = field('Code from your authenticator app', code);
  const recoveryField = field('Recovery code', recoveryCode);
  recoveryField.hidden = true;
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'link',
      onclick: () => {
        recovery = !recovery;
        codeField.hidden = recovery;
        recoveryField.hidden = !recovery;
        code.required = !recovery;
        recoveryCode.required = recovery;
        toggle.textContent = recovery ? 'Use a code from the app' : 'Use a recovery code';
        (recovery ? recoveryCode : code).focus();
      },
    },
    'Use a recovery code',
  );
  const form = h(
    'form',
    {
      class: 'card narrow',
      onsubmit: async (event) => {
        event.preventDefault();
        fill(error);
        try {
          await secondFactor(challenge, recovery ? null : code.value.trim(), recovery ? recoveryCode.value.trim() : null);
          done();
        } catch (e) {
          showError(error, e);
          if (e.kind === 'invalid-challenge') {
            fill(error, 'The sign-in timed out. ', h('a', { href: '#/signin' }, 'Sign in again'), '.');
          }
        }
      },
    },
    error,
    h('p', {}, 'Your account signs in with a second factor.'),
    codeField,
    recoveryField,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Verify'), toggle),
  );
  fill(main, h('h1', {}, 'Two-factor sign-in'), form);
  code.focus();
}

export async function linkPage(main, token, done) {
  fill(main, h('h1', {}, 'Opening the console…'));
  // the link's secret leaves the address bar and the history at once
  history.replaceState(null, '', `${location.pathname}#/link`);
  try {
    const answer = await openLink(token);
    done(answer.org);
  } catch (e) {
    fill(
      main,
      h('h1', {}, 'This link cannot be used'),
      h('p', { role: 'alert' }, e.detail || e.message),
      h('p', {}, 'Links work once and for a few minutes. Ask for a new one, or ', h('a', { href: '#/signin' }, 'sign in'), '.'),
    );
  }
}
