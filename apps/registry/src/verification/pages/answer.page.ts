import { answerFilePath, answerPath } from '../answer-link';
import { html, trustedMarkup, type Html } from '../html';
import { localHref, type PageContext } from '../page-context';
import { readableCountry, readableDate, readableInstant } from '../readable';
import type { VerificationData, VerificationRequest } from '../verification-query';
import { comparabilitySection } from './comparability.section';

type Recognition = VerificationData['recognition'];
type Certificate = NonNullable<VerificationData['certificate']>;

export type AnswerView = {
  recognition: Recognition;
  certificate: Certificate;
  /** Where the certificate is recognized today, whatever date the answer is for. */
  recognizedToday: string[];
  /** The question as asked: the shareable link keeps the date and instant only when they were asked. */
  asked: VerificationRequest;
  qrSvg: string;
};

/** The headline an employer reads first: "Recognized in Malaysia on 29 November 2026". */
export function headline(context: PageContext, recognition: Recognition): string {
  const country = readableCountry(context, recognition.country);
  const date = readableDate(context, recognition.asOf);
  return context.t(recognition.recognized ? 'answer.recognized' : 'answer.notRecognized', { country, date });
}

export function answerUrl(context: PageContext, view: Pick<AnswerView, 'asked'>): string {
  return `${context.origin}${answerPath(view.asked)}`;
}

export function certificateFacts(context: PageContext, recognition: Recognition, certificate: Certificate): Html {
  const { t } = context;
  const scheme = recognition.scheme;
  const body = recognition.certificationBody;
  return html`<dl class="facts">
<dt>${t('answer.holder')}</dt><dd>${certificate.holderName}</dd>
<dt>${t('answer.number')}</dt><dd>${recognition.certificateNumber}</dd>
${scheme ? html`<dt>${t('answer.scheme')}</dt><dd>${scheme.title}${scheme.qualificationLevel !== null ? html` (${t('answer.level', { level: scheme.qualificationLevel })})` : ''}</dd>` : ''}
${body ? html`<dt>${t('answer.issuer')}</dt><dd>${t('answer.issuerValue', { name: body.name, country: readableCountry(context, body.country) })}</dd>` : ''}
<dt>${t('answer.status', { date: readableDate(context, recognition.asOf) })}</dt><dd>${t(`status.${certificate.status}`)}</dd>
<dt>${t('answer.validity')}</dt><dd>${t('answer.validityValue', { from: readableDate(context, certificate.issuedOn), until: readableDate(context, certificate.validUntil) })}</dd>
</dl>`;
}

/** Why it is recognized (the basis and its conditions), or every failed condition with what would have to change. */
export function explanation(context: PageContext, recognition: Recognition): Html {
  const { t } = context;
  const country = readableCountry(context, recognition.country);
  if (recognition.recognized) {
    const basis = recognition.basis ?? 'HOME';
    const arrangement = recognition.arrangement?.title ?? recognition.arrangement?.id ?? '';
    return html`<h2>${t('answer.why')}</h2>
<p>${t(`answer.basis.${basis}`, { country, arrangement })}</p>
${recognition.conditions ? html`<h3>${t('answer.conditions', { country })}</h3><p>${recognition.conditions}</p>` : ''}
${recognition.validUntil ? html`<p>${t('answer.holdsUntil', { date: readableDate(context, recognition.validUntil) })}</p>` : ''}`;
  }
  return html`<h2>${t('answer.whyNot')}</h2>
<ol class="reasons">
${recognition.reasons.map(
  ({ code }) => html`<li><p>${t(`reason.${code}.text`, { country })}<br><span class="change">${t('answer.change')} ${t(`reason.${code}.change`, { country })}</span></p></li>`,
)}
</ol>`;
}

/**
 * What the answer rests on in record time: the instant it is as known at, when the registry last recorded
 * anything about the certificate, and — for today's knowledge of a past date — that later records corrected it,
 * with a link to the answer as it was given before them.
 */
export function recordTime(context: PageContext, view: AnswerView): Html {
  const { t } = context;
  const { recognition, certificate, asked } = view;
  const lastRecorded = certificate.lastRecorded.recordedAt;
  const [firstCorrection] = recognition.corrections;
  const before = firstCorrection && new Date(new Date(firstCorrection.recordedAt).getTime() - 1).toISOString();
  return html`${recognition.knownAt ? html`<p class="known-at">${t('answer.knownAt', { time: readableInstant(context, recognition.knownAt) })}</p>` : ''}
${lastRecorded ? html`<p class="muted last-recorded">${t('answer.lastRecorded', { time: readableInstant(context, lastRecorded) })}</p>` : ''}
${recognition.knownThrough
  ? html`<p class="muted">${t('answer.restsOn', { count: recognition.knownThrough.treeSize, time: readableInstant(context, recognition.knownThrough.recordedAt) })}</p>`
  : ''}
${before
  ? html`<p class="corrected">${t('answer.corrected', { date: readableDate(context, recognition.asOf) })} <a href="${localHref(context, `/verify/${encodeURIComponent(asked.number)}`, { country: asked.country, asOf: recognition.asOf, knownAt: before })}">${t('answer.asGivenBefore')}</a></p>`
  : ''}`;
}

export function answerPage(context: PageContext, view: AnswerView): Html {
  const { t } = context;
  const { recognition, certificate, asked } = view;
  const url = answerUrl(context, view);
  return html`<div class="verdict ${recognition.recognized ? 'yes' : 'no'}">
<h1>${headline(context, recognition)}</h1>
</div>
<p class="muted">${t('answer.answerFor', { date: `${readableDate(context, recognition.asOf)}${context.language === 'th' ? '' : ` (${recognition.asOf})`}` })}</p>
${recordTime(context, view)}
<h2>${t('answer.details')}</h2>
${certificateFacts(context, recognition, certificate)}
${explanation(context, recognition)}
<h2>${t('answer.elsewhere')}</h2>
${view.recognizedToday.length > 0
  ? html`<ul>${view.recognizedToday.map((code) => html`<li>${readableCountry(context, code)}</li>`)}</ul>`
  : html`<p>${t('answer.elsewhereNone')}</p>`}
${recognition.comparability ? comparabilitySection(context, recognition.country, recognition.comparability) : ''}
<section class="proof" aria-labelledby="proof-heading">
<div class="qr" role="img" aria-label="${t('answer.qrLabel')}">${trustedMarkup(view.qrSvg)}</div>
<div>
<h2 id="proof-heading">${t('answer.proof')}</h2>
<p class="url">${t('answer.qrHint', { url })}</p>
<p class="print-only">${t('answer.printedOn', { date: readableDate(context, context.today) })}</p>
<p class="no-print"><a href="${answerFilePath(asked, 'pdf', context.language)}" download>${t('answer.pdf')}</a></p>
<p class="no-print">${t('answer.print')}</p>
<p class="no-print"><a href="${answerFilePath(asked, 'statement', context.language)}" download>${t('answer.statement')}</a></p>
<p class="no-print">${t('answer.statementHint')} <a href="${localHref(context, '/verify/statement')}">${t('statement.title')}</a></p>
</div>
</section>
<p class="no-print"><a href="/?${new URLSearchParams({ number: recognition.certificateNumber, country: recognition.country, ...(context.query.has('lang') ? { lang: context.language } : {}) }).toString()}">${t('answer.otherDate')}</a></p>`;
}
