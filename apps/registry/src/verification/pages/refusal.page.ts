import { html, type Html } from '../html';
import type { PageContext } from '../page-context';
import { checkForm } from './check-form.page';

export function rateLimitedPage(context: PageContext, lookups: number, retryAfterSeconds: number): Html {
  const { t } = context;
  return html`<h1>${t('refused.rateTitle')}</h1>
<p>${t('refused.rateText', { count: lookups, seconds: retryAfterSeconds })}</p>`;
}

export function unavailablePage(context: PageContext): Html {
  const { t } = context;
  return html`<h1>${t('refused.unavailableTitle')}</h1>
<p>${t('refused.unavailableText')}</p>`;
}

export function badKeyPage(context: PageContext): Html {
  const { t } = context;
  return html`<h1>${t('refused.keyTitle')}</h1>
<p>${t('refused.keyText')}</p>`;
}

export function tooLargePage(context: PageContext, limitBytes: number): Html {
  const { t } = context;
  return html`<h1>${t('refused.tooLargeTitle')}</h1>
<p>${t('refused.tooLargeText', { kilobytes: Math.floor(limitBytes / 1024) })}</p>`;
}

export function notFoundPage(context: PageContext): Html {
  const { t } = context;
  return html`<h1>${t('refused.notFoundTitle')}</h1>
<p>${t('refused.notFoundText')}</p>
${checkForm(context)}`;
}

/** Refused by the registry's own rate limit, before the page could count what it would look up. */
export function globalRateLimitedPage(context: PageContext, retryAfterSeconds: number): Html {
  const { t } = context;
  return html`<h1>${t('refused.rateTitle')}</h1>
<p>${t('refused.rateTextRequests', { seconds: retryAfterSeconds })}</p>`;
}
