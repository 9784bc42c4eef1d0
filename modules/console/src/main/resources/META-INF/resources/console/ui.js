// Small DOM helpers: every text goes in as a text node, never as HTML, so nothing a member typed
// can become markup or script.

/** Builds an element: h('button', {class: 'x', onclick: f}, 'Text', child, ...). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key === 'value' && 'value' in el) {
      el.value = value;
    } else if (key === 'checked' || key === 'selected' || key === 'disabled') {
      el[key] = Boolean(value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let ids = 0;
/** A unique id for label/field pairs. */
export function uid(prefix = 'f') {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** A labelled field: the label names the control for screen readers. */
export function field(label, control, hint) {
  control.id = control.id || uid();
  const parts = [h('label', { for: control.id }, label), control];
  if (hint) {
    const hintId = uid('hint');
    control.setAttribute('aria-describedby', hintId);
    parts.push(h('small', { id: hintId, class: 'hint' }, hint));
  }
  return h('div', { class: 'field' }, parts);
}

/** A select with options [{value, label}], the current one chosen. */
export function select(options, current, attrs = {}) {
  return h(
    'select',
    attrs,
    options.map((o) => h('option', { value: o.value, selected: o.value === current }, o.label)),
  );
}

/**
 * Search as the person types: find(text) runs once they pause (250 ms), and show(answer) gets only
 * the answer to the latest text. Answers can come back out of order; an earlier, slower one must
 * not replace a later one (the list would offer members the text no longer matches). A failed
 * search shows as no matches.
 */
export function typeahead(input, find, show) {
  let asked = 0;
  let typing;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(async () => {
      const ask = ++asked;
      const answer = await find(input.value.trim()).catch(() => ({ items: [] }));
      if (ask === asked) show(answer);
    }, 250);
  });
}

/** Announces a short message to everyone, screen readers included. */
export function toast(message, kind = 'ok') {
  const box = document.getElementById('toast');
  box.className = `toast ${kind}`;
  box.textContent = message;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => {
    box.textContent = '';
    box.className = 'toast';
  }, 6000);
}

/** An inline error region that screen readers read out when it changes. */
export function errorBox() {
  return h('div', { class: 'error', role: 'alert' });
}

/** Shows a problem (RFC 9457) or any error in an error box. */
export function showError(box, error) {
  fill(box, error && error.title ? `${error.title}: ${error.detail || ''}` : String(error));
}

/**
 * A modal dialog built on <dialog>: focus moves into it and stays there, Escape closes it, and
 * focus returns to what opened it. body(close) builds its content.
 */
export function dialog(title, body) {
  const titleId = uid('dlg');
  const opener = document.activeElement;
  const dlg = h('dialog', { 'aria-labelledby': titleId, class: 'dialog' });
  const close = () => {
    dlg.close();
  };
  dlg.addEventListener('close', () => {
    dlg.remove();
    if (opener && opener.isConnected) opener.focus();
  });
  fill(
    dlg,
    h(
      'div',
      { class: 'dialog-head' },
      h('h2', { id: titleId }, title),
      h('button', { type: 'button', class: 'icon', 'aria-label': 'Close', onclick: close }, '×'),
    ),
    body(close),
  );
  document.body.append(dlg);
  dlg.showModal();
  const first = dlg.querySelector('input, select, textarea, button:not(.icon)');
  if (first) first.focus();
  return dlg;
}

/** Asks to confirm; resolves true or false. */
export function confirmDialog(title, message, action = 'Confirm', danger = false) {
  return new Promise((resolve) => {
    let answered = false;
    const dlg = dialog(title, (close) =>
      h(
        'div',
        {},
        h('p', {}, message),
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            {
              type: 'button',
              class: danger ? 'danger' : 'primary',
              onclick: () => {
                answered = true;
                resolve(true);
                close();
              },
            },
            action,
          ),
          h('button', { type: 'button', onclick: close }, 'Cancel'),
        ),
      ),
    );
    dlg.addEventListener('close', () => {
      if (!answered) resolve(false);
    });
  });
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A date as a <time> element, or a dash. */
export function date(value, withTime = false) {
  if (!value) return h('span', { class: 'muted' }, '—');
  const d = new Date(value);
  return h('time', { datetime: d.toISOString() }, (withTime ? timeFormat : dateFormat).format(d));
}

const SVG = 'http://www.w3.org/2000/svg';

/** A padlock drawn in SVG (no emoji font needed), hidden from screen readers. */
function padlock() {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const shackle = document.createElementNS(SVG, 'path');
  shackle.setAttribute('d', 'M5 7V5a3 3 0 0 1 6 0v2');
  shackle.setAttribute('fill', 'none');
  shackle.setAttribute('stroke', 'currentColor');
  shackle.setAttribute('stroke-width', '1.6');
  const body = document.createElementNS(SVG, 'rect');
  body.setAttribute('x', '3');
  body.setAttribute('y', '7');
  body.setAttribute('width', '10');
  body.setAttribute('height', '8');
  body.setAttribute('rx', '1.5');
  body.setAttribute('fill', 'currentColor');
  svg.append(shackle, body);
  return svg;
}

/**
 * A lock with its note, for an action the caller may not take: the note is the tooltip, is read
 * by screen readers, and shows when the lock gets keyboard focus.
 */
export function lock(note) {
  return h(
    'span',
    { class: 'lock', title: note, tabindex: 0, role: 'img', 'aria-label': `Locked: ${note}` },
    padlock(),
    h('span', { class: 'visually-hidden' }, `Locked: ${note}`),
  );
}

/** A badge. */
export function badge(text, kind = '') {
  return h('span', { class: `badge ${kind}` }, text);
}

/** Triggers a download of a Blob under a file name. */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Reads a form's named fields into an object of strings. */
export function values(form) {
  return Object.fromEntries(new FormData(form).entries());
}

/**
 * A cursor-paged table body: load(true) starts again, load(false) appends the next page (the "more"
 * button calls it). Only the newest request fills the table: a slower, older answer is dropped.
 * after(count, hasMore) runs after each page; empty is the row shown when nothing matches.
 */
export function pager({ tbody, more, error, fetchPage, row, empty, after }) {
  let next = null;
  let generation = 0;
  async function load(reset) {
    generation += 1;
    const mine = generation;
    fill(error);
    if (reset) {
      next = null;
      tbody.replaceChildren();
    }
    try {
      const page = await fetchPage(next);
      if (mine !== generation) return;
      page.items.forEach((item) => tbody.append(row(item)));
      next = page.next;
      more.hidden = !next;
      if (!tbody.children.length && empty) tbody.append(empty());
      if (after) after(tbody.querySelectorAll('tr[data-row]').length, Boolean(next));
    } catch (e) {
      showError(error, e);
    }
  }
  more.addEventListener('click', () => load(false));
  return load;
}
