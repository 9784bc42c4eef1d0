// The console's only way to the server: Roster's public REST API with the signed-in user's
// bearer token. The access token lives in this module's memory only; the refresh token lives in
// an HttpOnly, SameSite=Strict cookie that no script can read (refreshTokenIn=cookie).

const BASE = '/api/v1';
let access = null;
let refreshing = null;
let renewTimer = null;
const listeners = new Set();

/** An RFC 9457 problem the server answered, or a network failure. */
export class Problem extends Error {
  constructor(status, body) {
    super(body.detail || body.title || `HTTP ${status}`);
    this.status = status;
    this.type = body.type || 'about:blank';
    this.title = body.title || `HTTP ${status}`;
    this.detail = body.detail || '';
    this.errors = body.errors || [];
  }

  /** The stable last part of the problem type, such as insufficient-rank. */
  get kind() {
    return this.type.split('/').pop();
  }
}

/** Called with false when the session ends (sign-out, expiry, revocation). */
export function onSession(listener) {
  listeners.add(listener);
}

function signedOut() {
  access = null;
  clearTimeout(renewTimer);
  listeners.forEach((l) => l(false));
}

function keep(tokens) {
  access = tokens.accessToken;
  clearTimeout(renewTimer);
  // renew a little before the access token expires, while the page is open
  const seconds = Math.max(10, Number(tokens.expiresIn || 300) - 30);
  renewTimer = setTimeout(() => {
    refresh();
  }, seconds * 1000);
}

async function problemOf(response) {
  let body = {};
  try {
    body = await response.json();
  } catch (e) {
    body = { title: response.statusText || `HTTP ${response.status}` };
  }
  return new Problem(response.status, body);
}

/** Exchanges the cookie's refresh token for a new access token; false when there is none. */
export function refresh() {
  if (!refreshing) {
    refreshing = fetch(`${BASE}/auth/refresh?refreshTokenIn=cookie`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{}',
      credentials: 'same-origin',
    })
      .then(async (response) => {
        if (!response.ok) {
          if (access) signedOut();
          access = null;
          return false;
        }
        keep(await response.json());
        return true;
      })
      .catch(() => false)
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}

/** Whether an access token is held. */
export function signedIn() {
  return access !== null;
}

/** Signs in with a password: {tokens} or {challenge} when a second factor is needed. */
export async function login(email, password) {
  const response = await fetch(`${BASE}/auth/login?refreshTokenIn=cookie`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ email, password }),
    credentials: 'same-origin',
  });
  if (response.status === 202) return { challenge: await response.json() };
  if (!response.ok) throw await problemOf(response);
  keep(await response.json());
  return { tokens: true };
}

/** Completes a login with a code or a recovery code. */
export async function secondFactor(challenge, code, recoveryCode) {
  const response = await fetch(`${BASE}/auth/login/two-factor?refreshTokenIn=cookie`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(recoveryCode ? { challenge, recoveryCode } : { challenge, code }),
    credentials: 'same-origin',
  });
  if (!response.ok) throw await problemOf(response);
  keep(await response.json());
}

/** Opens a one-time console link: signs in and names the organisation. */
export async function openLink(token) {
  const response = await fetch(`${BASE}/auth/console-links/${encodeURIComponent(token)}?refreshTokenIn=cookie`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: '{}',
    credentials: 'same-origin',
  });
  if (!response.ok) throw await problemOf(response);
  const answer = await response.json();
  keep(answer.tokens);
  return answer;
}

/**
 * Signs in with the provider's ID token (authorization code with PKCE): the token is the bearer,
 * kept in memory only; there is no refresh, so when it expires the page signs in again.
 */
export function useProviderToken(idToken, expiresIn) {
  access = idToken;
  clearTimeout(renewTimer);
  renewTimer = setTimeout(() => {
    if (access === idToken) signedOut();
  }, Math.max(10, Number(expiresIn || 300)) * 1000);
}

/** The sign-in providers a browser may use (public). */
export async function providers() {
  const response = await fetch(`${BASE}/auth/providers`, { headers: { Accept: 'application/json' } });
  return response.ok ? response.json() : [];
}

/** Ends the session here and at the server, the cookie included. */
export async function logout() {
  const headers = { 'Content-Type': 'application/json' };
  if (access) headers.Authorization = `Bearer ${access}`;
  try {
    await fetch(`${BASE}/auth/logout`, {
      method: 'POST',
      headers,
      body: '{}',
      credentials: 'same-origin',
    });
  } finally {
    signedOut();
  }
}

/**
 * Calls the API: path relative to /api/v1, body as JSON (or a string with contentType). Answers
 * the parsed JSON, null for 204, or a Blob when raw is set; throws a Problem otherwise. A 401
 * refreshes the access token once and tries again.
 */
export async function api(method, path, body, options = {}) {
  const send = () => {
    const headers = { Accept: options.accept || 'application/json, application/problem+json' };
    if (access) headers.Authorization = `Bearer ${access}`;
    let payload;
    if (body !== undefined && body !== null) {
      if (options.contentType) {
        headers['Content-Type'] = options.contentType;
        payload = body;
      } else {
        headers['Content-Type'] = 'application/json';
        payload = JSON.stringify(body);
      }
    }
    return fetch(`${BASE}${path}`, { method, headers, body: payload, credentials: 'omit' });
  };
  let response;
  try {
    response = await send();
    if (response.status === 401 && (await refresh())) {
      response = await send();
    }
  } catch (e) {
    throw new Problem(0, { title: 'No connection', detail: 'The server could not be reached.' });
  }
  if (response.status === 401) {
    signedOut();
  }
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return null;
  if (options.raw) return response.blob();
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** A path with a query string from the non-empty values of params. */
export function query(path, params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') q.set(key, value);
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** An organisation's path: org('acme', '/members'). */
export function org(slug, rest = '') {
  return `/orgs/${encodeURIComponent(slug)}${rest}`;
}
