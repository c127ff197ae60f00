import { html, type Html } from '../html';
import type { PageContext } from '../page-context';

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
