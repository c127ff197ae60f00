import { isCalendarDate, isCountryCode, REASON_CODES, type ReasonCode } from '@registry/domain';
import type { RecognitionClaims, StatementCheck, StatementVerification } from '@registry/tlog';
import { isIdentifier } from '../../write/mutation/input-rules';
import { html, type Html } from '../html';
import { localHref, type PageContext } from '../page-context';
import { readableCountry, readableDate, readableInstant } from '../readable';

/** The form: a multipart POST, so a statement file can be chosen (or dropped on the file field) without JavaScript. */
export function statementFormPage(context: PageContext, error: string | null = null, pasted = ''): Html {
  const { t } = context;
  return html`<h1>${t('statement.title')}</h1>
<p>${t('statement.intro')}</p>
<form method="post" action="${localHref(context, '/verify/statement')}" enctype="multipart/form-data">
${error ? html`<div class="errors" role="alert" id="statement-error"><p>${error}</p></div>` : ''}
<div class="field">
<label for="file">${t('statement.file')}</label>
<input id="file" name="file" type="file" accept=".jwt,.txt,application/vc+jwt,text/plain"${error ? html` aria-describedby="statement-error"` : ''}>
</div>
<div class="field">
<label for="paste">${t('statement.paste')}</label>
<textarea id="paste" name="paste" rows="6" spellcheck="false">${pasted}</textarea>
</div>
<button type="submit">${t('statement.submit')}</button>
</form>
<p class="muted">${t('statement.offline')}</p>`;
}

/** The check's name in the reader's language; the verifier's own detail stays beside it, in English. */
function checkName(context: PageContext, check: StatementCheck): string {
  const inclusion = /^inclusion of leaf (\d+) \((\w+)\)$/.exec(check.check);
  if (inclusion) return context.t('statement.checks.inclusion', { leaf: inclusion[1], type: inclusion[2] });
  const key = check.check.replace(/ (\w)/g, (_, letter: string) => letter.toUpperCase());
  return context.t(`statement.checks.${key}`, { defaultValue: check.check });
}

const isInstant = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** The claims, when they are well-formed enough to be read out: whoever made the file chose every byte of them. */
function readableClaims(result: StatementVerification): (RecognitionClaims & { signedAt: string }) | null {
  const subject = result.statement?.credentialSubject;
  if (subject === undefined || typeof subject !== 'object' || subject === null) return null;
  const wellFormed =
    typeof subject.certificateNumber === 'string' && isIdentifier(subject.certificateNumber) &&
    isCountryCode(subject.country) &&
    isCalendarDate(subject.asOf) &&
    typeof subject.recognized === 'boolean' &&
    (subject.knownAt === null || isInstant(subject.knownAt)) &&
    isInstant(result.statement?.validFrom);
  return wellFormed ? { ...subject, country: subject.country.toUpperCase(), signedAt: result.statement!.validFrom } : null;
}

/** Every check the verifier made, by name, as `npm run verify-statement` prints them; then what the statement says. */
export function statementResultPage(context: PageContext, result: StatementVerification): Html {
  const { t } = context;
  const subject = readableClaims(result);
  const country = subject ? readableCountry(context, subject.country) : '';
  return html`<div class="verdict ${result.ok ? 'yes' : 'no'}"><h1>${t(result.ok ? 'statement.verifies' : 'statement.fails')}</h1></div>
<h2>${t('statement.checksHeading')}</h2>
<ul class="checks">
${result.checks.map(
  (check) => html`<li class="${check.ok ? 'ok' : 'failed'}"><strong>${t(check.ok ? 'statement.ok' : 'statement.failed')}</strong> ${checkName(context, check)}<br><span class="muted detail" lang="en">${check.detail}</span></li>`,
)}
</ul>
${subject
  ? html`<h2>${t('statement.says')}</h2>
<p>${t(subject.recognized ? 'answer.recognized' : 'answer.notRecognized', { country, date: readableDate(context, subject.asOf) })}: ${subject.certificateNumber}</p>
${Array.isArray(subject.reasonCodes) && !subject.recognized
  ? html`<ul>${subject.reasonCodes
      .filter((code): code is ReasonCode => (REASON_CODES as readonly string[]).includes(code))
      .map((code) => html`<li>${t(`reason.${code}.text`, { country })}</li>`)}</ul>`
  : ''}
<p class="muted">${subject.knownAt ? t('answer.knownAt', { time: readableInstant(context, subject.knownAt) }) : t('statement.knownWhenSigned', { time: readableInstant(context, subject.signedAt) })}</p>
${!result.ok ? html`<p><strong>${t('statement.doNotRely')}</strong></p>` : ''}
<p><a href="${localHref(context, `/verify/${encodeURIComponent(subject.certificateNumber)}`, { country: subject.country, asOf: subject.asOf, knownAt: subject.knownAt })}">${t('statement.live')}</a></p>`
  : ''}
<p><a href="${localHref(context, '/verify/statement')}">${t('statement.another')}</a></p>`;
}
