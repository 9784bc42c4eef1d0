// Audit: the hash-chained log with filters, the CSV export of a date range, and the chain check.
import { api, query, org } from './api.js';
import { h, fill, field, toast, errorBox, showError, date, download, pager } from './ui.js';

function isoDay(value, endOfDay) {
  return value ? new Date(`${value}T${endOfDay ? '23:59:59.999' : '00:00:00'}Z`).toISOString() : '';
}

function today(offsetDays = 0) {
  const d = new Date(Date.now() + offsetDays * 86400000);
  return d.toISOString().slice(0, 10);
}

export async function auditPage(main, ctx) {
  const slug = ctx.org.slug;
  const error = errorBox();
  const tbody = h('tbody');
  const more = h('button', { type: 'button', hidden: true }, 'Load more');
  const action = h('input', { name: 'action', placeholder: 'member.suspended' });
  const target = h('input', { name: 'target', placeholder: 'An id' });
  const from = h('input', { type: 'date', name: 'from', value: today(-30) });
  const to = h('input', { type: 'date', name: 'to', value: today() });

  const filters = () => ({
    action: action.value.trim(),
    target: target.value.trim(),
    from: isoDay(from.value, false),
    to: isoDay(to.value, true),
  });

  const load = pager({
    tbody,
    more,
    error,
    fetchPage: (cursor) => api('GET', query(org(slug, '/audit/events'), { ...filters(), cursor, limit: 50 })),
    row: (e) =>
      h(
        'tr',
        { dataset: { row: '', seq: e.seq } },
        h('td', {}, String(e.seq)),
        h('td', {}, date(e.occurredAt, true)),
        h('th', { scope: 'row' }, e.action),
        h('td', {}, `${e.targetType} ${e.targetId}`),
        h('td', { class: 'mono' }, e.actorId || 'system'),
        h('td', { class: 'changes' }, h('code', {}, JSON.stringify(e.changes))),
      ),
    empty: () => h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'No entry in this range.')),
  });

  const verdict = h('div', { class: 'verdict', role: 'status', 'aria-live': 'polite' });
  async function verify() {
    fill(verdict, 'Checking…');
    try {
      const v = await api('GET', query(org(slug, '/audit/verify'), { from: filters().from, to: filters().to }));
      fill(
        verdict,
        v.valid
          ? h('p', { class: 'good' }, `The chain holds: ${v.checked} entries checked${v.firstSeq !== null ? ` (${v.firstSeq} to ${v.lastSeq})` : ''}${v.unsealed ? `, ${v.unsealed} not sealed yet` : ''}.`)
          : h('p', { class: 'bad' }, `The chain is broken${v.broken ? ` at entry ${v.broken.seq}` : ''}: ${v.checked} entries checked.`),
      );
    } catch (e) {
      showError(verdict, e);
    }
  }

  async function exportCsv() {
    fill(error);
    try {
      const blob = await api('GET', query(org(slug, '/audit/events.csv'), { ...filters(), hashes: true }), null, { raw: true, accept: 'text/csv' });
      download(blob, `${slug}-audit-${from.value}-${to.value}.csv`);
      toast('The CSV file is downloaded.');
    } catch (e) {
      showError(error, e);
    }
  }

  const form = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      'aria-label': 'Filter the audit log',
      onsubmit: (event) => {
        event.preventDefault();
        load(true);
      },
    },
    field('Action', action),
    field('Target id', target),
    field('From', from),
    field('To', to),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, 'Apply'),
      h('button', { type: 'button', id: 'export-csv', onclick: exportCsv }, 'Export CSV'),
      h('button', { type: 'button', id: 'verify-chain', onclick: verify }, 'Verify chain')),
  );
  fill(
    main,
    h('h1', {}, 'Audit log'),
    form,
    verdict,
    error,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'audit' },
        h('caption', { class: 'visually-hidden' }, 'Audit entries, newest first'),
        h('thead', {}, h('tr', {}, ['#', 'When', 'Action', 'Target', 'Actor', 'Changes'].map((c) => h('th', { scope: 'col' }, c)))),
        tbody,
      ),
    ),
    more,
  );
  load(true);
}
