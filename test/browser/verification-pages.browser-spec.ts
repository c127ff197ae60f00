import { LANGUAGES, translatorFor, type Language } from '../../apps/registry/src/verification/i18n/translator';
import { countryName, localDate } from '../../apps/registry/src/verification/i18n/local-format';
import type { RunningRegistry } from '../support/in-process-registry';
import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { AS_OF, answerPath, CASES, COMPARABLE } from '../verification/support/demo-registry';
import { startDemoRegistry } from '../verification/support/demo-registry';
import { pdfText } from '../verification/support/pdf-text';
import { chromiumInstalled, launchChromium, SKIPPED_MESSAGE, type Chromium } from './support/chromium';
import { axeViolations, contentWidth, decodeQrCode, screenshot } from './support/page-checks';
import { withEnvironment } from '../support/with-environment';

if (!chromiumInstalled) process.stderr.write(SKIPPED_MESSAGE);
jest.setTimeout(30_000);
const describeInChromium = chromiumInstalled ? describe : describe.skip;

type CaseName = keyof typeof CASES;

const PAGE_LIMIT_BYTES = 100 * 1024;

/** A bulk check as a browser sends it, gzip accepted: the bytes on the wire and the page they decode to. */
function bulkOverTheWire(baseUrl: string, csv: string, language: string): Promise<{ sent: number; page: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      new URL('/verify/bulk', baseUrl),
      { method: 'POST', headers: { 'content-type': 'text/csv', 'accept-encoding': 'gzip, deflate, br', 'accept-language': language } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ sent: body.length, page: (response.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8') });
        });
      },
    );
    request.on('error', reject);
    request.end(csv);
  });
}

function expectedHeadline(language: Language, name: CaseName): string {
  const t = translatorFor(language);
  const { number, country } = CASES[name];
  if (name === 'unknown') return t('unknown.heading', { number });
  const date = language === 'th' ? `${localDate(language, AS_OF)} (${AS_OF})` : localDate(language, AS_OF);
  return t(name === 'recognized' ? 'answer.recognized' : 'answer.notRecognized', { country: countryName(language, country), date });
}

describeInChromium('the verification pages in a real browser', () => {
  let registry: RunningRegistry;
  let browser: Chromium;
  const foreignRequests: string[] = [];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    // Dozens of pages and a 1,000-row bulk check from one address, well past the default allowance.
    [registry, browser] = await Promise.all([
      // The pages are asked about AS_OF; the registry's today is that day too, so a page reads as it did on it
      // (an answer for a past day says so, in more lines) whatever day the suite runs.
      withEnvironment({ REGISTRY_RATE_LIMIT_PER_ADDRESS: '1000000' }, () => startDemoRegistry({}, { clock: { now: () => new Date(`${AS_OF}T12:00:00.000Z`) } })),
      launchChromium({ viewport: { width: 1024, height: 900 } }),
    ]);
    const origin = new URL(registry.baseUrl).origin;
    browser.context.on('request', (request) => {
      if (new URL(request.url()).origin !== origin) foreignRequests.push(request.url());
    });
    browser.context.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await registry?.cleanup();
  });

  const url = (path: string) => new URL(path, registry.baseUrl).toString();

  it.each(LANGUAGES)('answers the five cases in %s, with zero axe-core violations', async (language) => {
    const page = await browser.context.newPage();
    await page.setExtraHTTPHeaders({ 'accept-language': `${language},en;q=0.5` });
    const t = translatorFor(language);
    for (const name of Object.keys(CASES) as CaseName[]) {
      const { number, country, holder } = CASES[name];
      const response = await page.goto(url(answerPath(number, country)));
      expect(response?.status()).toBe(name === 'unknown' ? 404 : 200);
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      expect((await page.textContent('h1'))?.trim()).toBe(expectedHeadline(language, name));
      if (holder !== null) expect(await page.textContent('main')).toContain(holder);
      if ('reason' in CASES[name]) {
        const reason = (CASES[name] as { reason: string }).reason;
        expect(await page.textContent('ol.reasons')).toContain(t(`reason.${reason}.text`, { country: countryName(language, country) }));
        expect(await page.textContent('ol.reasons')).toContain(t(`reason.${reason}.change`, { country: countryName(language, country) }));
      }
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `answer-${name}-${language}`);
    }

    // Issue 17's comparability beside a recognition, the statement check's form and its result.
    await page.goto(url(answerPath(COMPARABLE.number, COMPARABLE.country)));
    expect(await page.textContent('.comparability')).toContain(t('comparability.notRecognition'));
    expect(await axeViolations(page)).toEqual([]);
    if (language === 'en') await screenshot(page, 'answer-comparability-en');
    const statement = await (await fetch(url(answerPath(CASES.refused.number, 'MY').replace('?', '/statement?')))).text();
    await page.goto(url('/verify/statement'));
    expect(await axeViolations(page)).toEqual([]);
    // A file chosen (or dropped on the field) in English, pasted text in the other languages.
    if (language === 'en') await page.getByLabel(t('statement.file')).setInputFiles({ name: 'statement.jwt', mimeType: 'application/octet-stream', buffer: Buffer.from(statement) });
    else await page.getByLabel(t('statement.paste')).fill(statement);
    await page.getByRole('button', { name: t('statement.submit') }).click();
    expect((await page.textContent('h1'))?.trim()).toBe(t('statement.verifies'));
    expect(await axeViolations(page)).toEqual([]);
    if (language === 'en') await screenshot(page, 'statement-verified-en');
    await page.close();
  }, 90_000);

  it('reads "Recognized in Malaysia on 29 November 2026" in English and the Buddhist era in Thai', async () => {
    const page = await browser.context.newPage();
    await page.goto(url(answerPath(CASES.recognized.number, 'MY', { lang: 'en' })));
    expect(await page.textContent('h1')).toContain('Recognized in Malaysia on 29 November 2026');
    await page.goto(url(answerPath(CASES.recognized.number, 'MY', { lang: 'th' })));
    expect(await page.textContent('h1')).toContain('ได้รับการยอมรับในมาเลเซีย ณ วันที่ 29 พฤศจิกายน 2569 (2026-11-29)');
    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.close();
  });

  it('checks a certificate from the form with JavaScript disabled, and the form has zero axe-core violations', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('/?lang=en'));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'check-form-en');
    const noScript = await launchChromium({ javaScriptEnabled: false });
    try {
      const bare = await noScript.context.newPage();
      await bare.goto(url('/'));
      await bare.getByLabel('Certificate number').fill(CASES.recognized.number);
      await bare.getByLabel('Country where it is to be recognized').selectOption('MY');
      await bare.getByLabel('Date (optional)').fill(AS_OF);
      await bare.getByRole('button', { name: 'Check' }).click();
      expect(bare.url()).toBe(url(answerPath(CASES.recognized.number, 'MY')));
      expect(await bare.textContent('h1')).toContain('Recognized in Malaysia');
      await bare.goto(url('/verify?number=&country=XX'));
      expect(await bare.textContent('.errors')).toContain('Choose the country from the list.');
      await screenshot(bare, 'check-form-errors-en');
    } finally {
      await noScript.close();
    }
    await page.goto(url('/verify?number=%20&country=XX&asOf=2024-02-30&lang=en'));
    expect(await axeViolations(page)).toEqual([]);
    // The pages' own not-found, a form under it.
    expect((await page.goto(url('/verify/TH-PS-2024-0001/pdf/nowhere?lang=en')))?.status()).toBe(404);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('fits a 360 px wide phone screen without sideways scrolling', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    for (const [name, path] of [
      ['check-form', '/?lang=vi'],
      ['answer', answerPath(CASES.refused.number, 'MY', { lang: 'id' })],
      ['unknown', answerPath(CASES.unknown.number, 'MY', { lang: 'ms' })],
      ['bulk-form', '/verify/bulk?lang=th'],
      ['statement-form', '/verify/statement?lang=ms'],
      ['not-found', '/verify/TH-PS-2024-0001/pdf/nowhere?lang=th'],
    ]) {
      await page.goto(url(path));
      expect([name, await contentWidth(page)]).toEqual([name, 360]);
      await screenshot(page, `phone-360-${name}`);
    }
    await page.close();
  });

  it('draws a QR code that a reader decodes to the live answer, and following it gives the same answer', async () => {
    const page = await browser.context.newPage();
    await page.goto(url(answerPath(CASES.recognized.number, 'MY', { lang: 'en' })));
    const link = await decodeQrCode(page, '.qr svg');
    expect(link).toBe(url(answerPath(CASES.recognized.number, 'MY')));
    const headline = await page.textContent('h1');
    await page.goto(link ?? 'about:blank');
    expect(await page.textContent('h1')).toBe(headline);
    await page.close();
  });

  it('prints the answer on one A4 page with the QR code, the answer and the link', async () => {
    const page = await browser.context.newPage();
    await page.goto(url(answerPath(CASES.suspended.number, 'MY', { lang: 'en' })));
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'answer-print-en');
    const { pages, text } = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
    expect(pages).toBe(1);
    expect(text).toContain('Not recognized in Malaysia on 29 November 2026');
    expect(text).toContain(CASES.suspended.holder);
    expect(text).toContain('The certification body that issued the certificate has suspended it.');
    expect(text.replaceAll(' ', '')).toContain(answerPath(CASES.suspended.number, 'MY'));
    expect(text).not.toContain('Download this answer as a PDF');
    await page.close();
  });

  it('checks 1,000 pasted lines and shows every answer in a table; the results page has zero axe-core violations', async () => {
    const page = await browser.context.newPage();
    const numbers = Object.values(CASES).map(({ number }) => number);
    const check = async (count: number) => {
      await page.goto(url('/verify/bulk?lang=en'));
      const lines = Array.from({ length: count }, (_, i) => `${numbers[i % numbers.length]},MY,${AS_OF}`);
      await page.getByLabel('Or paste the lines here').fill(lines.join('\n'));
      await page.getByRole('button', { name: 'Check all' }).click();
      await page.waitForSelector('.bulk-done', { timeout: 30_000 });
    };
    await page.goto(url('/verify/bulk?lang=en'));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'bulk-form-en');

    const sizes: number[] = [];
    page.on('requestfinished', (request) => {
      if (request.method() === 'POST') void request.sizes().then(({ responseBodySize }) => sizes.push(responseBodySize));
    });
    await check(1000);
    expect(await page.locator('tbody tr').count()).toBe(1000);
    expect(sizes.length).toBe(1);
    expect(sizes[0]).toBeLessThan(PAGE_LIMIT_BYTES);
    expect(await page.locator('td.yes').count()).toBe(200);
    expect(await page.textContent('.bulk-done')).toBe('Done: 1000 lines checked, 200 recognized.');
    expect(await page.isVisible('.bulk-running')).toBe(false);
    await screenshot(page, 'bulk-results-en', false);

    // The same page with five rows: axe-core on a 1,000-row table takes longer than the rest of the suite.
    await check(5);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('sends a 1,000-line results page in every language in under 100 kB (gzip, as every browser takes it)', async () => {
    const numbers = Object.values(CASES).map(({ number }) => number);
    const csv = Array.from({ length: 1000 }, (_, i) => `${numbers[i % numbers.length]},MY,${AS_OF}`).join('\n');
    for (const language of LANGUAGES) {
      const { sent, page } = await bulkOverTheWire(registry.baseUrl, csv, language);
      expect(page.match(/<tr><td>/g)).toHaveLength(1000);
      expect([language, sent < PAGE_LIMIT_BYTES]).toEqual([language, true]);
      process.stderr.write(`bulk page of 1,000 lines in ${language}: ${(sent / 1024).toFixed(1)} kB sent, ${(Buffer.byteLength(page) / 1024).toFixed(1)} kB decoded\n`);
    }
  });

  it('made no request to another origin and broke no Content-Security-Policy rule', () => {
    expect(foreignRequests).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
