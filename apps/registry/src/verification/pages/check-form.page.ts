import { html, type Html } from '../html';
import { countriesByName } from '../i18n/local-format';
import type { PageContext } from '../page-context';

export type CheckFormValues = { number: string; country: string; asOf: string; knownAt: string };
export type CheckFormErrors = Partial<Record<keyof CheckFormValues, string>>;

/** The check form: a GET to /verify, so it works without JavaScript and its result is a link. */
export function checkForm(context: PageContext, values: CheckFormValues = { number: '', country: '', asOf: '', knownAt: '' }, errors: CheckFormErrors = {}): Html {
  const { t } = context;
  const fields = (Object.keys(errors) as (keyof CheckFormValues)[]).filter((field) => errors[field] !== undefined);
  const describedBy = (field: keyof CheckFormValues, hint: string | null) =>
    [hint, errors[field] ? `${field}-error` : null].filter((id) => id !== null).join(' ') || null;
  const error = (field: keyof CheckFormValues) =>
    errors[field] ? html`<span class="hint errors-inline" id="${field}-error"><strong>${errors[field]}</strong></span>` : '';
  const invalid = (field: keyof CheckFormValues) => (errors[field] ? html` aria-invalid="true"` : '');
  const by = (field: keyof CheckFormValues, hint: string | null) => {
    const ids = describedBy(field, hint);
    return ids === null ? '' : html` aria-describedby="${ids}"`;
  };
  return html`<form method="get" action="/verify" novalidate>
${fields.length > 0
  ? html`<div class="errors" role="alert"><p>${t('check.fixErrors')}</p><ul>${fields.map((field) => html`<li><a href="#${field}">${errors[field]}</a></li>`)}</ul></div>`
  : ''}
${context.query.has('lang') ? html`<input type="hidden" name="lang" value="${context.language}">` : ''}
<div class="field">
<label for="number">${t('check.number')}</label>
<span class="hint" id="number-hint">${t('check.numberHint')}</span>
${error('number')}
<input id="number" name="number" type="text" required maxlength="64" autocomplete="off" spellcheck="false" value="${values.number}"${by('number', 'number-hint')}${invalid('number')}>
</div>
<div class="field">
<label for="country">${t('check.country')}</label>
${error('country')}
<select id="country" name="country" required${by('country', null)}${invalid('country')}>
<option value="">${t('check.chooseCountry')}</option>
${countriesByName(context.language).map(
  ({ code, name }) => html`<option value="${code}"${code === values.country.toUpperCase() ? html` selected` : ''}>${name}</option>`,
)}
</select>
</div>
<div class="field">
<label for="asOf">${t('check.date')}</label>
<span class="hint" id="asOf-hint">${t('check.dateHint')}</span>
${error('asOf')}
<input id="asOf" name="asOf" type="text" inputmode="numeric" pattern="[0-9]{4}-[0-9]{2}-[0-9]{2}" maxlength="10" autocomplete="off" value="${values.asOf}"${by('asOf', 'asOf-hint')}${invalid('asOf')}>
</div>
<details${values.knownAt !== '' || errors.knownAt ? html` open` : ''}>
<summary>${t('check.knownAtSummary')}</summary>
<div class="field">
<label for="knownAt">${t('check.knownAt')}</label>
<span class="hint" id="knownAt-hint">${t('check.knownAtHint')}</span>
${error('knownAt')}
<input id="knownAt" name="knownAt" type="text" maxlength="40" autocomplete="off" spellcheck="false" value="${values.knownAt}"${by('knownAt', 'knownAt-hint')}${invalid('knownAt')}>
</div>
</details>
<button type="submit">${t('check.submit')}</button>
</form>`;
}

export function checkPage(context: PageContext, values?: CheckFormValues, errors?: CheckFormErrors): Html {
  const { t } = context;
  return html`<h1>${t('check.title')}</h1>
<p>${t('check.intro')}</p>
${checkForm(context, values, errors)}`;
}
