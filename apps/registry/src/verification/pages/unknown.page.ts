import { html, type Html } from '../html';
import type { PageContext } from '../page-context';
import { checkForm } from './check-form.page';

/** The same page for every number not on record: it names only the number asked, and says nothing about others. */
export function unknownPage(context: PageContext, number: string, country: string): Html {
  const { t } = context;
  return html`<div class="verdict no"><h1>${t('unknown.heading', { number })}</h1></div>
<p>${t('unknown.text')}</p>
${checkForm(context, { number, country, asOf: '', knownAt: '' })}`;
}
