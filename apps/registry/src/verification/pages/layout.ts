import { html, type Html } from '../html';
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/translator';
import { localHref, withLanguage, type PageContext } from '../page-context';

/** The frame of every page: language, skip link, site name, language switcher, the tampered-log warning, main content, footer. */
export function layout(context: PageContext, title: string, main: Html): Html {
  const { t, language } = context;
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — ${t('site.name')}</title>
<link rel="stylesheet" href="/assets/verify.css">
</head>
<body>
<a class="skip" href="#main">${t('site.skip')}</a>
<header>
<a class="site" href="${localHref(context, '/')}">${t('site.name')}</a>
<nav aria-label="${t('site.language')}"><ul>
${LANGUAGES.map(
  (other) =>
    html`<li><a href="${withLanguage(context, other)}" hreflang="${other}" lang="${other}"${other === language ? html` aria-current="true"` : ''}>${LANGUAGE_NAMES[other]}</a></li>`,
)}
</ul></nav>
</header>
<main id="main">
${context.tampered ? html`<div class="tampered" role="alert"><p><strong>${t('site.tamperedTitle')}</strong> ${t('site.tamperedText')}</p></div>` : ''}
${main}
</main>
<footer>
<p>${t('site.footer')}</p>
<p><a href="${localHref(context, '/')}">${t('site.home')}</a> · <a href="${localHref(context, '/verify/bulk')}">${t('site.bulk')}</a> · <a href="${localHref(context, '/verify/statement')}">${t('site.statement')}</a></p>
</footer>
</body>
</html>
`;
}
