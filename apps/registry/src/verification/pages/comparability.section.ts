import { html, type Html } from '../html';
import type { PageContext } from '../page-context';
import { readableCountry } from '../readable';
import type { ComparabilityView } from '../verification-query';

/**
 * Issue 17's comparability beside the answer, set apart and labelled as what it is: where the qualification sits in
 * the host country's framework through the AQRF — information, never recognition (the verdict above is that).
 */
export function comparabilitySection(context: PageContext, hostCountry: string, comparability: ComparabilityView): Html {
  const { t } = context;
  const host = readableCountry(context, hostCountry);
  const home = comparability.homeCountry ? readableCountry(context, comparability.homeCountry) : '';
  const levels = comparability.hostNqfLevels.join(', ');
  // A scheme linked straight to an AQRF level has no level in a home framework to name.
  return html`<section class="comparability" aria-labelledby="comparability-heading">
<h2 id="comparability-heading">${t('comparability.title')}</h2>
<p class="notice"><strong>${t('comparability.notRecognition')}</strong> ${t('comparability.notice')}</p>
${comparability.comparable
  ? html`<p>${comparability.homeNqfLevel === null
      ? t('comparability.comparableAtAqrf', { aqrf: comparability.aqrfLevel ?? '', host, levels })
      : t('comparability.comparable', { aqrf: comparability.aqrfLevel ?? '', home, homeLevel: comparability.homeNqfLevel, host, levels })}</p>`
  : html`<p>${t('comparability.notComparable', { host })}</p>`}
${comparability.occupation ? html`<p>${t(comparability.priorityInBoth ? 'comparability.priority' : 'comparability.notPriority', { occupation: comparability.occupation, home, host })}</p>` : ''}
${comparability.reasons.length > 0
  ? html`<ul class="comparability-reasons">${comparability.reasons.map(({ code }) => html`<li>${t(`comparability.reason.${code}`, { home, host })}</li>`)}</ul>`
  : ''}
</section>`;
}
