// Sign-in: a password, then a second factor when the account has one; and the one-time links
// that a tenant's product sends its admins into the console with.
import { login, secondFactor, openLink, providers, useProviderToken, Problem } from './api.js';
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
  providers().then((list) => {
    list.forEach((p) => {
      form.append(
        h('div', { class: 'actions provider' },
          h('button', { type: 'button', onclick: () => startProvider(p) }, `Sign in with ${p.name}`)),
      );
    });
  });
}

const PENDING = 'roster.provider.pending';

function random(bytes) {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return base64url(values);
}

function base64url(bytes) {
  let text = '';
  bytes.forEach((b) => {
    text += String.fromCharCode(b);
  });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function returnAddress() {
  return `${location.origin}${location.pathname}`;
}

/** Goes to the provider with a fresh state and PKCE verifier (kept for this tab only). */
async function startProvider(provider) {
  const verifier = random(32);
  const state = random(16);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, provider }));
  const url = new URL(provider.authorizationEndpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', provider.clientId);
  url.searchParams.set('redirect_uri', returnAddress());
  url.searchParams.set('scope', provider.scope);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  location.assign(url.toString());
}

/**
 * Back from the provider (?code=…&state=…): checks the state, exchanges the code with the PKCE
 * verifier for the ID token, and clears the address bar. False when this is no such return.
 */
export async function finishProvider() {
  const params = new URLSearchParams(location.search);
  if (!params.has('state') || !(params.has('code') || params.has('error'))) return false;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `${location.pathname}#/orgs`);
  if (!pending || pending.state !== params.get('state')) {
    throw new Problem(400, { title: 'Sign-in not completed', detail: 'The answer from the identity provider does not match a sign-in started here; try again.' });
  }
  if (params.has('error')) {
    throw new Problem(401, { title: 'Sign-in refused', detail: params.get('error_description') || params.get('error') });
  }
  const response = await fetch(pending.provider.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: returnAddress(),
      client_id: pending.provider.clientId,
      code_verifier: pending.verifier,
    }),
    credentials: 'omit',
  });
  const tokens = response.ok ? await response.json() : null;
  if (!tokens || !tokens.id_token) {
    throw new Problem(401, { title: 'Sign-in refused', detail: 'The identity provider did not give a token.' });
  }
  useProviderToken(tokens.id_token, tokens.expires_in);
  return true;
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
