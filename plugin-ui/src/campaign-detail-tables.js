import { html, nothing } from 'lit';

/** The detail view's tables: errors by code, and the failed recipients (phones come masked from the API). */

export function errorTable(errors) {
  if (!errors.length) return nothing;
  return html`<h3 id="errors-title">Errors</h3>
    <table aria-labelledby="errors-title"><thead><tr><th scope="col">Code</th><th scope="col">Meaning</th><th scope="col" class="num">Recipients</th></tr></thead>
    <tbody>${errors.map((e) => html`<tr><td>${e.code ?? '—'}</td><td>${e.meaning ?? ''}</td><td class="num">${e.count}</td></tr>`)}</tbody></table>`;
}

export function failedTable(page) {
  if (!page?.items?.length) return nothing;
  return html`<h3 id="failed-title">Failed recipients</h3>
    <table aria-labelledby="failed-title"><thead><tr><th scope="col">Name</th><th scope="col">Phone</th><th scope="col">Error</th><th scope="col">Attempts</th></tr></thead>
    <tbody>${page.items.map((r) => html`<tr><td>${r.name ?? r.leadId ?? '—'}</td><td>${r.phone}</td>
      <td>${r.errorCode ? html`<code>${r.errorCode}</code> ` : nothing}${r.errorMessage ?? ''}</td><td class="num">${r.attempts}</td></tr>`)}</tbody></table>
    ${page.total > page.items.length ? html`<p class="muted">${page.items.length} of ${page.total} shown; the export has them all.</p>` : nothing}`;
}

/** Failed recipients grouped by error code, most frequent first: the breakdown when the server has no statistics. */
export function groupErrors(recipients) {
  const byCode = new Map();
  for (const r of recipients) {
    const code = r.errorCode ?? null;
    const entry = byCode.get(code) ?? { code, meaning: r.errorMessage, count: 0 };
    entry.count += 1;
    byCode.set(code, entry);
  }
  return [...byCode.values()].sort((a, b) => b.count - a.count);
}
