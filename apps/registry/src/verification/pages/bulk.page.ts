import { html, type Html } from '../html';
import { MAX_BULK_ROWS } from '../bulk/bulk-rows';
import type { ReasonNotes } from '../bulk/bulk-stream';
import { localHref, type PageContext } from '../page-context';

export const BULK_EXAMPLE = `number,country,asOf
TH-PS-2024-0001,MY,
LK-PSPS-2025-0008,MY,2025-06-01`;

/** The bulk form: a multipart POST, so a file can be chosen without JavaScript. */
export function bulkFormPage(context: PageContext, error: string | null = null, pasted = ''): Html {
  const { t } = context;
  return html`<h1>${t('bulk.title')}</h1>
<p>${t('bulk.intro', { max: MAX_BULK_ROWS.toLocaleString('en') })}</p>
<p>${t('bulk.example')}:</p>
<pre>${BULK_EXAMPLE}</pre>
<form method="post" action="${localHref(context, '/verify/bulk')}" enctype="multipart/form-data">
${error ? html`<div class="errors" role="alert" id="bulk-error"><p>${error}</p></div>` : ''}
<div class="field">
<label for="file">${t('bulk.file')}</label>
<input id="file" name="file" type="file" accept=".csv,text/csv,text/plain"${error ? html` aria-describedby="bulk-error"` : ''}>
</div>
<div class="field">
<label for="paste">${t('bulk.paste')}</label>
<textarea id="paste" name="paste" rows="8" spellcheck="false">${pasted}</textarea>
</div>
<fieldset>
<legend>${t('bulk.format')}</legend>
<input type="radio" id="format-html" name="format" value="html" checked> <label for="format-html">${t('bulk.formatHtml')}</label><br>
<input type="radio" id="format-csv" name="format" value="csv"> <label for="format-csv">${t('bulk.formatCsv')}</label>
</fieldset>
<button type="submit">${t('bulk.submit')}</button>
</form>`;
}

/** The top of the streamed results page, up to the table body. */
export function bulkResultsHead(context: PageContext, count: number): Html {
  const { t } = context;
  return html`<h1>${t('bulk.results')}</h1>
<p class="bulk-running" role="status">${t('bulk.checking', { count })}</p>
<div class="table-wrap">
<table>
<thead><tr>
<th scope="col">${t('bulk.columns.line')}</th>
<th scope="col">${t('bulk.columns.number')}</th>
<th scope="col">${t('bulk.columns.country')}</th>
<th scope="col">${t('bulk.columns.date')}</th>
<th scope="col">${t('bulk.columns.answer')}</th>
<th scope="col">${t('bulk.columns.reasons')}</th>
</tr></thead>
`;
}

export function bulkResultsTail(context: PageContext, count: number, recognized: number, notes: ReasonNotes): Html {
  const { t } = context;
  return html`</table>
</div>
<p class="bulk-done" role="status">${t('bulk.done', { count, recognized })}</p>
${notes.size > 0 ? html`<h2>${t('bulk.notes')}</h2>
${notes.list()}` : ''}
<p><a href="${localHref(context, '/verify/bulk')}">${t('bulk.title')}</a></p>`;
}
