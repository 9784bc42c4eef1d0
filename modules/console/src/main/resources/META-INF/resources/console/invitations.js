// Invitations: invite one address, the list with its dates and status filter, resend and revoke,
// and the bulk CSV import whose every row is reviewed before anything is sent.
import { api, query, org } from './api.js';
import { h, fill, field, select, toast, errorBox, showError, confirmDialog, date, badge, pager } from './ui.js';
import { assignableRoles, roleName } from './rules.js';

const STATUSES = ['pending', 'resent', 'accepted', 'expired', 'revoked'];

export async function invitationsPage(main, ctx) {
  const slug = ctx.org.slug;
  const teams = await api('GET', query(org(slug, '/teams'), { status: 'active', limit: 100 })).catch(() => ({ items: [] }));
  const roles = assignableRoles(ctx);
  const defaultRole = roles.length ? roles[roles.length - 1].key : '';

  // one invitation
  const inviteError = errorBox();
  const email = h('input', { type: 'email', name: 'email', required: true, autocomplete: 'off' });
  const role = select(roles.map((r) => ({ value: r.key, label: r.name })), defaultRole, { name: 'role' });
  const teamBoxes = teams.items.map((t) =>
    h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'team', value: t.id }), ` ${t.name}`),
  );
  const message = h('textarea', { name: 'message', rows: 2, maxlength: 1000 });
  const expiry = h('input', { type: 'number', name: 'expiresInDays', min: 1, max: 30, value: 7 });
  const inviteForm = h(
    'form',
    {
      class: 'card',
      'aria-labelledby': 'invite-heading',
      onsubmit: async (event) => {
        event.preventDefault();
        fill(inviteError);
        const chosen = [...inviteForm.querySelectorAll('input[name=team]:checked')].map((c) => ({ teamId: c.value }));
        try {
          await api('POST', org(slug, '/invitations'), {
            email: email.value.trim(),
            role: role.value,
            teams: chosen,
            message: message.value.trim() || undefined,
            expiresInDays: Number(expiry.value) || undefined,
          });
          toast(`Invitation sent to ${email.value.trim()}.`);
          inviteForm.reset();
          role.value = defaultRole;
          load(true);
        } catch (e) {
          showError(inviteError, e);
        }
      },
    },
    h('h2', { id: 'invite-heading' }, 'Invite someone'),
    inviteError,
    h('div', { class: 'grid' }, field('Email', email), field('Role', role), field('Expires after (days)', expiry)),
    teams.items.length ? h('fieldset', {}, h('legend', {}, 'Teams'), teamBoxes) : null,
    field('Message (optional)', message),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Send invitation')),
  );

  // the list
  const listError = errorBox();
  const tbody = h('tbody');
  const more = h('button', { type: 'button', hidden: true }, 'Load more');
  const status = select([{ value: '', label: 'Any status' }, ...STATUSES.map((s) => ({ value: s, label: s }))], 'pending', { name: 'status' });
  const load = pager({
    tbody,
    more,
    error: listError,
    fetchPage: (cursor) => api('GET', query(org(slug, '/invitations'), { status: status.value, cursor, limit: 50 })),
    row,
    empty: () => h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'No invitation.')),
  });

  function row(i) {
    const open = i.status === 'pending' || i.status === 'resent';
    return h(
      'tr',
      { dataset: { row: '', invitation: i.id, email: i.email } },
      h('th', { scope: 'row' }, i.email),
      h('td', {}, roleName(ctx, i.role)),
      h('td', {}, badge(i.status, `status-${i.status}`)),
      h('td', {}, date(i.sentAt, true)),
      h('td', {}, date(i.expiresAt, true)),
      h(
        'td',
        { class: 'row-actions' },
        open
          ? [
              h('button', { type: 'button', onclick: () => resend(i) }, 'Resend', h('span', { class: 'visually-hidden' }, ` to ${i.email}`)),
              h('button', { type: 'button', class: 'danger', onclick: () => revoke(i) }, 'Revoke', h('span', { class: 'visually-hidden' }, ` for ${i.email}`)),
            ]
          : null,
      ),
    );
  }

  async function resend(i) {
    try {
      await api('POST', org(slug, `/invitations/${i.id}/resend`));
      toast(`Sent again to ${i.email}.`);
      load(true);
    } catch (e) {
      toast(e.detail || e.message, 'bad');
    }
  }

  async function revoke(i) {
    if (!(await confirmDialog('Revoke the invitation', `The link sent to ${i.email} stops working.`, 'Revoke', true))) return;
    try {
      await api('DELETE', org(slug, `/invitations/${i.id}`));
      toast(`The invitation to ${i.email} is revoked.`);
      load(true);
    } catch (e) {
      toast(e.detail || e.message, 'bad');
    }
  }

  // bulk
  const bulkError = errorBox();
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,text/csv', required: true });
  const review = h('div', { class: 'review' });
  let csv = null;
  const bulkForm = h(
    'form',
    {
      class: 'card',
      'aria-labelledby': 'bulk-heading',
      onsubmit: async (event) => {
        event.preventDefault();
        fill(bulkError);
        fill(review);
        if (!file.files.length) return;
        csv = await file.files[0].text();
        try {
          const report = await api('POST', query(org(slug, '/invitations/bulk'), { dryRun: true }), csv, { contentType: 'text/csv' });
          showReview(report);
        } catch (e) {
          showError(bulkError, e);
        }
      },
    },
    h('h2', { id: 'bulk-heading' }, 'Invite from a CSV file'),
    h('p', { class: 'hint' }, 'Columns: email (required), role, teams (names separated by ;). You review every row before anything is sent.'),
    bulkError,
    field('CSV file', file),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Review')),
    review,
  );

  function showReview(report) {
    const verdict = (r) => (r.outcome === 'refused' ? `Refused: ${r.reason}${r.detail ? ` (${r.detail})` : ''}` : r.outcome === 'invited' ? 'Invited' : 'Will be invited');
    fill(
      review,
      h('p', { role: 'status' }, report.dryRun
        ? `${report.rows} rows: ${report.accepted} will be invited, ${report.refused} refused.`
        : `${report.accepted} invited, ${report.refused} refused.`),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'bulk' },
          h('caption', { class: 'visually-hidden' }, 'Rows of the file and their verdict'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Line'), h('th', { scope: 'col' }, 'Email'), h('th', { scope: 'col' }, 'Verdict'))),
          h('tbody', {}, report.results.map((r) => h('tr', { class: r.outcome === 'refused' ? 'refused' : 'ok', dataset: { email: r.email } }, h('td', {}, String(r.line)), h('td', {}, r.email), h('td', {}, verdict(r))))),
        ),
      ),
      report.dryRun && report.accepted > 0
        ? h('div', { class: 'actions' },
            h('button', {
              type: 'button',
              class: 'primary',
              id: 'bulk-import',
              onclick: async () => {
                try {
                  const done = await api('POST', org(slug, '/invitations/bulk'), csv, { contentType: 'text/csv' });
                  showReview(done);
                  toast(`${done.accepted} invitations sent.`);
                  load(true);
                } catch (e) {
                  showError(bulkError, e);
                }
              },
            }, `Invite ${report.accepted}`),
            h('button', { type: 'button', onclick: () => { fill(review); bulkForm.reset(); } }, 'Cancel'))
        : null,
    );
  }

  status.addEventListener('change', () => load(true));
  fill(
    main,
    h('h1', {}, 'Invitations'),
    inviteForm,
    h(
      'section',
      { 'aria-labelledby': 'list-heading' },
      h('h2', { id: 'list-heading' }, 'Invitations sent'),
      h('div', { class: 'filters' }, field('Status', status)),
      listError,
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'invitations' },
          h('caption', { class: 'visually-hidden' }, 'Invitations'),
          h('thead', {}, h('tr', {}, ['Email', 'Role', 'Status', 'Sent', 'Expires', 'Actions'].map((c) => h('th', { scope: 'col' }, c)))),
          tbody,
        ),
      ),
      more,
    ),
    bulkForm,
  );
  load(true);
}
