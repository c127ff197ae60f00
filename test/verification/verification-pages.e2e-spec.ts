import type { RunningRegistry } from '../support/in-process-registry';
import { AS_OF, answerPath, CASES, CONDITIONAL, startDemoRegistry } from './support/demo-registry';
import { pdfText } from './support/pdf-text';

const PAGE_LIMIT_BYTES = 100 * 1024;

jest.setTimeout(30_000);

describe('the verification pages', () => {
  let registry: RunningRegistry;

  beforeAll(async () => {
    registry = await startDemoRegistry();
  }, 60_000);

  afterAll(async () => {
    await registry?.cleanup();
  });

  const page = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(new URL(path, registry.baseUrl), { headers, redirect: 'manual' });
    return { status: response.status, headers: response.headers, body: await response.text() };
  };

  it('serve a check form at / that works without JavaScript: a GET form with the countries by name', async () => {
    const { status, headers, body } = await page('/');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('text/html');
    expect(body).toContain('<form method="get" action="/verify"');
    expect(body).toContain('<option value="MY">Malaysia</option>');
    expect(body).not.toMatch(/<script/i);
    expect(Buffer.byteLength(body)).toBeLessThan(PAGE_LIMIT_BYTES);
  });

  it('send a Content-Security-Policy that allows no inline script and nothing from another origin', async () => {
    const csp = (await page('/')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/https?:/);
  });

  it('redirect a filled-in form to the shareable answer link', async () => {
    const { status, headers } = await page(`/verify?number=TH-PS-2024-0001&country=my&asOf=${AS_OF}`);
    expect(status).toBe(303);
    expect(headers.get('location')).toBe(`/verify/TH-PS-2024-0001?country=MY&asOf=${AS_OF}`);
  });

  it('answer in plain words with names, not codes: holder, scheme, issuing body and country, basis, where else', async () => {
    const { status, body } = await page(answerPath(CASES.recognized.number, 'MY'));
    expect(status).toBe(200);
    expect(body).toContain('<h1>Recognized in Malaysia on 29 November 2026</h1>');
    expect(body).toContain(CASES.recognized.holder);
    expect(body).toContain('Requirements for Productivity Specialists');
    expect(body).toContain('Foundation for Thailand Productivity Institute, Thailand');
    expect(body).toContain('recognizes certificates of this scheme between its members automatically');
    expect(body).toContain('<li>Singapore</li>');
    expect(body).toContain('<svg');
    expect(body).not.toContain('th-ftpi');
    expect(Buffer.byteLength(body)).toBeLessThan(PAGE_LIMIT_BYTES);
  });

  it("show the host country's conditions on a grant", async () => {
    const { body } = await page(answerPath(CONDITIONAL.number, CONDITIONAL.country));
    expect(body).toContain('Conditions set by Malaysia');
    expect(body).toContain(CONDITIONAL.conditions);
  });

  it('give every failed condition as a sentence with what would have to change', async () => {
    const { body } = await page(answerPath(CASES.suspended.number, 'MY'));
    expect(body).toContain('<h1>Not recognized in Malaysia on 29 November 2026</h1>');
    expect(body).toContain('The certification body that issued the certificate has suspended it.');
    expect(body).toContain('What would have to change: That certification body would have to reinstate it.');
    expect(body).not.toContain('CERTIFICATE_SUSPENDED');
  });

  it('answer in the language of Accept-Language, with Buddhist-era dates and the ISO date for Thai', async () => {
    const { body } = await page(answerPath(CASES.recognized.number, 'MY'), { 'accept-language': 'th-TH,th;q=0.9,en;q=0.5' });
    expect(body).toContain('<html lang="th">');
    expect(body).toContain('ได้รับการยอมรับในมาเลเซีย ณ วันที่ 29 พฤศจิกายน 2569 (2026-11-29)');
  });

  it('show one page for every unknown number, naming only the number asked', async () => {
    const first = await page(answerPath(CASES.unknown.number, 'MY'));
    const second = await page(answerPath('MY-GPS-2024-0003', 'MY'));
    expect(first.status).toBe(404);
    expect(first.body).toContain('No certificate with the number ZZ-PS-2024-9999 is on record');
    expect(first.body).toContain('says nothing about any other number');
    expect(second.body.replaceAll('MY-GPS-2024-0003', 'ZZ-PS-2024-9999')).toBe(first.body);
  });

  it('show the form again with what to fix for a bad number, country or date, and look nothing up', async () => {
    const { status, body } = await page('/verify/%3Cscript%3E?country=XX&asOf=2024-02-30');
    expect(status).toBe(400);
    expect(body).toContain('Enter the certificate number');
    expect(body).toContain('Choose the country from the list.');
    expect(body).toContain('Enter a real date');
    expect(body).not.toContain('<script>');
  });

  it('download the answer as one A4 page of PDF holding the answer and the link of the QR code', async () => {
    const response = await fetch(new URL(answerPath(CASES.recognized.number, 'MY', { lang: 'vi' }).replace('?', '/pdf?'), registry.baseUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const { pages, text } = await pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(pages).toBe(1);
    expect(text).toContain('Được công nhận tại Malaysia vào ngày 29 tháng 11, 2026');
    expect(text).toContain(CASES.recognized.holder);
    expect(text.replaceAll(' ', '')).toContain(`/verify/TH-PS-2024-0001?country=MY&asOf=${AS_OF}`);
  });

  it('render Thai in the PDF with a font that has Thai glyphs', async () => {
    const response = await fetch(new URL(answerPath(CASES.refused.number, 'MY', { lang: 'th' }).replace('?', '/pdf?'), registry.baseUrl));
    const { text } = await pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain('ไม่ได้รับการยอมรับในมาเลเซีย'.normalize('NFKC'));
    expect(text).toContain(CASES.refused.holder.normalize('NFKC'));
  });
});
