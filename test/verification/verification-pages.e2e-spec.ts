import { verifyRecognitionStatement, type TrustedKeys } from '@registry/tlog';
import { request as httpRequest } from 'node:http';
import type { RunningRegistry } from '../support/in-process-registry';
import { AS_OF, answerPath, CASES, COMPARABLE, CONDITIONAL, startDemoRegistry } from './support/demo-registry';
import { pdfText } from './support/pdf-text';

const PAGE_LIMIT_BYTES = 100 * 1024;
const PUBLIC_URL = 'https://registry.example.org';

/** A GET with headers fetch() will not send (Host), the body as received. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** A statement or its text as the statement page's form sends it. */
function statementForm(fields: { file?: string; paste?: string }): FormData {
  const form = new FormData();
  if (fields.file !== undefined) form.append('file', new Blob([fields.file], { type: 'application/octet-stream' }), 'statement.jwt');
  form.append('paste', fields.paste ?? '');
  return form;
}

/** The server's clock: the system's unless a test sets it. */
class SettableClock {
  instant: Date | null = null;
  now(): Date {
    return new Date(this.instant?.getTime() ?? Date.now());
  }
}

jest.setTimeout(30_000);

describe('the verification pages', () => {
  let registry: RunningRegistry;
  const clock = new SettableClock();

  beforeAll(async () => {
    registry = await startDemoRegistry({ publicUrl: `${PUBLIC_URL}/` }, { clock });
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

  it("take today from the registry's clock, not the machine's: an answer without a date is for the clock's day", async () => {
    clock.instant = new Date('2031-03-15T12:00:00Z');
    try {
      const { status, body } = await page(`/verify/${CASES.recognized.number}?country=MY`);
      expect(status).toBe(200);
      expect(body).toContain('This answer is for 15 March 2031 (2031-03-15).');
      expect(body).toContain('Printed from the registry on 15 March 2031.');
    } finally {
      clock.instant = null;
    }
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

  it('link the QR code, the printout and the PDF to REGISTRY_PUBLIC_URL, never to the Host header the caller wrote', async () => {
    const { status, body } = await rawGet(new URL(answerPath(CASES.recognized.number, 'MY'), registry.baseUrl).toString(), { host: 'evil.example' });
    expect(status).toBe(200);
    expect(body).toContain(`${PUBLIC_URL}${answerPath(CASES.recognized.number, 'MY').replace('&', '&amp;')}`);
    expect(body).not.toContain('evil.example');
  });

  it('say when the registry last recorded anything about the certificate, and which records the answer rests on', async () => {
    const { body } = await page(answerPath(CASES.suspended.number, 'MY'));
    expect(body).toMatch(/The registry last recorded something about this certificate on \d+ \w+ 20\d\d at \d\d:\d\d UTC\./);
    expect(body).toMatch(/This answer rests on the first \d+ records of the registry&#39;s log/);
    expect(body).not.toContain('As the registry knew it');
  });

  it('answer as the registry knew it at an instant: nothing before the demo was recorded, the same answer since, said so', async () => {
    const before = await page(answerPath(CASES.recognized.number, 'MY', { knownAt: '2000-01-01T00:00:00Z' }));
    expect(before.status).toBe(404);
    const now = new Date().toISOString();
    const since = await page(answerPath(CASES.recognized.number, 'MY', { knownAt: now }));
    expect(since.status).toBe(200);
    expect(since.body).toContain('<h1>Recognized in Malaysia on 29 November 2026</h1>');
    expect(since.body).toContain('As the registry knew it on');
    expect(since.body).toContain(`knownAt=${encodeURIComponent(now)}`);
    const future = await page(answerPath(CASES.recognized.number, 'MY', { knownAt: '2999-01-01T00:00:00Z' }));
    expect(future.status).toBe(400);
    expect(future.body).toContain('Enter a moment that has passed');
  });

  it('hand out the signed statement of the answer, which verifies offline against the published keys', async () => {
    const response = await fetch(new URL(answerPath(CASES.recognized.number, 'MY').replace('?', '/statement?'), registry.baseUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/vc+jwt');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="recognition-TH-PS-2024-0001-MY.jwt"');
    const jwt = await response.text();
    const keys = (await registry.http.request<TrustedKeys>('GET', '/.well-known/registry-keys')).body;
    const verified = await verifyRecognitionStatement(jwt, keys);
    expect(verified.checks.filter((check) => !check.ok)).toEqual([]);
    expect(verified.statement?.credentialSubject).toMatchObject({ certificateNumber: CASES.recognized.number, country: 'MY', asOf: AS_OF, recognized: true });
    const { body } = await page(answerPath(CASES.recognized.number, 'MY'));
    expect(body).toContain('/verify/TH-PS-2024-0001/statement?country=MY');
    expect(body).toContain('href="/verify/statement"');
  });

  it('check a statement dropped on the statement page, naming every check, and fail a changed one naming the signature', async () => {
    const jwt = await (await fetch(new URL(answerPath(CASES.suspended.number, 'MY').replace('?', '/statement?'), registry.baseUrl))).text();
    const form = await page('/verify/statement');
    expect(form.status).toBe(200);
    expect(form.body).toContain('enctype="multipart/form-data"');

    const post = (body: FormData, headers: Record<string, string> = {}) =>
      fetch(new URL('/verify/statement', registry.baseUrl), { method: 'POST', body, headers }).then(async (r) => ({ status: r.status, body: await r.text() }));
    const good = await post(statementForm({ file: jwt }));
    expect(good.status).toBe(200);
    expect(good.body).toContain('The statement verifies: the registry signed it, and nothing in it was changed');
    for (const check of ["the registry's signature", 'the signature of the log checkpoint it carries', 'the checkpoint covers the records the answer rests on']) {
      expect(good.body).toContain(`<strong>Passed:</strong> ${check.replace("'", '&#39;')}`);
    }
    expect(good.body).toMatch(/<strong>Passed:<\/strong> record \d+ \(CertificateIssued\) is in the registry&#39;s log/);
    expect(good.body).toContain('Not recognized in Malaysia on 29 November 2026');
    expect(good.body).toContain('<li>The certification body that issued the certificate has suspended it.</li>');

    const [head, payload, signature] = jwt.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    claims.credentialSubject.recognized = true;
    const changed = [head, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    const bad = await post(statementForm({ paste: changed }), { 'accept-language': 'th' });
    expect(bad.body).toContain('<html lang="th">');
    expect(bad.body).toContain('หนังสือรับรองไม่ผ่านการตรวจสอบ');
    expect(bad.body).toContain('<strong>ไม่ผ่าน:</strong> ลายมือชื่อของทะเบียน');

    const empty = await post(statementForm({ paste: '  ' }));
    expect(empty.status).toBe(400);
    expect(empty.body).toContain('Choose a statement file or paste a statement.');
    const garbage = await post(statementForm({ paste: 'not a statement' }));
    expect(garbage.body).toContain('<strong>FAILED:</strong> the file is a signed statement');
  });

  it("show issue 17's comparability beside the answer, labelled as information, not recognition", async () => {
    const { body } = await page(answerPath(COMPARABLE.number, COMPARABLE.country));
    expect(body).toContain('Where the qualification sits in the host country');
    expect(body).toContain('<strong>Information, not recognition.</strong>');
    expect(body).toMatch(/The qualification is at AQRF level \d+, which is level [\d, ]+ of the national framework of Vietnam\./);
    expect((await page(answerPath(CASES.recognized.number, 'MY'))).body).not.toContain('Information, not recognition.');
  });

  it("answer a number past 100 characters, and a path no page has, with the pages' own pages, in the reader's language", async () => {
    const long = await page(`/verify/${'A'.repeat(150)}?country=MY`, { 'accept-language': 'vi' });
    expect(long.status).toBe(400);
    expect(long.body).toContain('<html lang="vi">');
    expect(long.body).toContain('aria-invalid="true"');
    const nowhere = await page('/verify/TH-PS-2024-0001/pdf/extra', { 'accept-language': 'vi' });
    expect(nowhere.status).toBe(404);
    expect(nowhere.headers.get('content-type')).toContain('text/html');
    expect(nowhere.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(nowhere.body).toContain('<html lang="vi">');
    expect(nowhere.body).toContain('Không có trang này');
    expect(nowhere.body).toContain('<form method="get" action="/verify"');
  });
});
