import type { RunningRegistry } from '../support/in-process-registry';
import { AS_OF, CASES, startDemoRegistry } from './support/demo-registry';
import { withEnvironment } from '../support/with-environment';

jest.setTimeout(30_000);

/** A multipart form as a browser sends it from the bulk page. */
function bulkForm(fields: { file?: string; paste?: string; format: 'csv' | 'html' }): FormData {
  const form = new FormData();
  if (fields.file !== undefined) form.append('file', new Blob([fields.file], { type: 'text/csv' }), 'checks.csv');
  form.append('paste', fields.paste ?? '');
  form.append('format', fields.format);
  return form;
}

describe('the bulk check', () => {
  let registry: RunningRegistry;

  beforeAll(async () => {
    registry = await startDemoRegistry();
  }, 60_000);

  afterAll(async () => {
    await registry?.cleanup();
  });

  const post = (body: FormData | string, headers: Record<string, string> = {}, query = '') =>
    fetch(new URL(`/verify/bulk${query}`, registry.baseUrl), { method: 'POST', body, headers });

  it('answers an uploaded CSV as CSV, in order, and neutralises cells a spreadsheet would run as formulas', async () => {
    const file = [
      'number,country,asOf',
      `${CASES.recognized.number},my,${AS_OF}`,
      `=HYPERLINK("http://evil.example"),MY`,
      `+1,MY`,
      `-1,MY`,
      `@SUM(A1),MY`,
      `${CASES.suspended.number},MY,${AS_OF}`,
      `${CASES.unknown.number},MY,${AS_OF}`,
    ].join('\n');
    const response = await post(bulkForm({ file, format: 'csv' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('line,certificateNumber,country,asOf,recognized,basis,validUntil,reasonCodes,reasons');
    expect(lines[1]).toBe(`2,${CASES.recognized.number},MY,${AS_OF},yes,ARRANGEMENT,2027-03-14,,`);
    expect(lines[2]).toMatch(/^3,"'=HYPERLINK\(""http:\/\/evil\.example""\)",MY,/);
    expect(lines[3]).toMatch(/^4,'\+1,MY,/);
    expect(lines[4]).toMatch(/^5,'-1,MY,/);
    expect(lines[5]).toMatch(/^6,'@SUM\(A1\),MY,/);
    expect(lines[6]).toContain(',no,,,CERTIFICATE_SUSPENDED,The certification body that issued the certificate has suspended it.');
    expect(lines[7]).toContain(',no,,,CERTIFICATE_NOT_FOUND,');
    expect(lines.every((line) => !/(^|,)[=+\-@]/.test(line))).toBe(true);
  });

  it('answers pasted lines as an HTML table, streamed, ending with a summary', async () => {
    const paste = `${CASES.recognized.number},MY,${AS_OF}\n${CASES.cancelled.number},MY,${AS_OF}\n`;
    const response = await post(bulkForm({ paste, format: 'html' }), { 'accept-language': 'ms' });
    expect(response.status).toBe(200);
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const body = await response.text();
    expect(body).toContain('<html lang="ms">');
    expect(body.match(/<tr><td>/g)).toHaveLength(2);
    expect(body).toContain('<td class=yes>Diiktiraf<td>');
    expect(body).toContain('<td class=no>Tidak diiktiraf<td><a href=#n1>1</a>');
    expect(body).toContain('<li id="n1">Sijil dibatalkan kerana dikeluarkan secara silap');
    expect(body).toContain('Selesai: 2 baris disemak, 1 diiktiraf.');
  });

  it('takes a text/csv body too', async () => {
    const response = await post(`${CASES.recognized.number},MY,${AS_OF}`, { 'content-type': 'text/csv' }, '?format=csv');
    expect((await response.text()).trim().split('\n')).toHaveLength(2);
  });

  it('refuses more than 1,000 lines, and an empty upload, with the form and what to do', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => `N-${i},MY`).join('\n');
    const tooMany = await post(bulkForm({ paste: many, format: 'csv' }));
    expect(tooMany.status).toBe(413);
    expect(await tooMany.text()).toContain('The file has 1001 lines; at most 1000 can be checked at once.');
    const empty = await post(bulkForm({ paste: '', format: 'html' }));
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Upload a CSV file or paste some lines.');
  });

  it('is one GraphQL query taking a list, answered in order with names', async () => {
    const response = await registry.http.graphql<{ recognitions: Array<Record<string, unknown>> }>(
      `query($checks: [RecognitionCheck!]!) { recognitions(checks: $checks) {
        certificateNumber recognized conditions reasons { code } certificationBody { name country } scheme { title qualificationLevel } } }`,
      {
        checks: [
          { certificateNumber: CASES.refused.number, country: 'my', asOf: AS_OF },
          { certificateNumber: 'LK-PSPS-2025-0008', country: 'MY', asOf: AS_OF },
          { certificateNumber: CASES.unknown.number, country: 'MY' },
        ],
      },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.recognitions).toEqual([
      {
        certificateNumber: CASES.refused.number,
        recognized: false,
        conditions: null,
        reasons: [{ code: 'RECOGNITION_REVOKED' }],
        certificationBody: { name: 'Vietnam National Productivity Institute', country: 'VN' },
        scheme: { title: 'Requirements for Productivity Specialists', qualificationLevel: null },
      },
      expect.objectContaining({ certificateNumber: 'LK-PSPS-2025-0008', recognized: true, conditions: 'Supervised practice for the first six months' }),
      expect.objectContaining({ certificateNumber: CASES.unknown.number, reasons: [{ code: 'CERTIFICATE_NOT_FOUND' }], certificationBody: null, scheme: null }),
    ]);
  });

  it('refuses a list of more than 1,000 checks, naming the field', async () => {
    const checks = Array.from({ length: 1001 }, () => ({ certificateNumber: 'A', country: 'MY' }));
    const response = await registry.http.graphql(`query($checks: [RecognitionCheck!]!) { recognitions(checks: $checks) { recognized } }`, { checks });
    expect(response.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'checks' }] });
  });
});

describe('what pages and bulk checks cost a caller without a key', () => {
  let registry: RunningRegistry;

  beforeAll(async () => {
    registry = await withEnvironment({ REGISTRY_RATE_LIMIT_PER_ADDRESS: '10' }, startDemoRegistry);
  }, 60_000);

  afterAll(async () => {
    await registry?.cleanup();
  });

  it('counts an answer page as its two lookups, then refuses with a page saying when to come back', async () => {
    let probe = await registry.http.graphql('{ __typename }');
    // An odd number left, so that the refused view is let in by its first unit and refused by the page's second.
    if (Number(probe.headers.get('x-ratelimit-remaining')) % 2 === 0) probe = await registry.http.graphql('{ __typename }');
    const remaining = Number(probe.headers.get('x-ratelimit-remaining'));
    expect(remaining).toBeGreaterThanOrEqual(3);
    const today = `/verify/${CASES.recognized.number}?country=MY`;
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let view = 0; view <= Math.floor(remaining / 2); view += 1) {
      const response = await fetch(new URL(today, registry.baseUrl));
      if (response.status === 429) refused = response;
      else await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array.from({ length: Math.floor(remaining / 2) }, () => 200), 429]);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused?.text()).toContain('Too many checks from your address');
  });
});

describe('a bulk check through the API', () => {
  let registry: RunningRegistry;

  beforeAll(async () => {
    registry = await withEnvironment({ REGISTRY_RATE_LIMIT_PER_ADDRESS: '10' }, startDemoRegistry);
  }, 60_000);

  afterAll(async () => {
    await registry?.cleanup();
  });

  it('costs one lookup per row: eleven rows are more than an address allowed ten may ask at once', async () => {
    const checks = (n: number) => Array.from({ length: n }, () => ({ certificateNumber: CASES.recognized.number, country: 'MY' }));
    const query = `query($checks: [RecognitionCheck!]!) { recognitions(checks: $checks) { recognized } }`;
    const refused = await registry.http.graphql(query, { checks: checks(11) });
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const bulkPage = await fetch(new URL('/verify/bulk?format=csv', registry.baseUrl), {
      method: 'POST',
      body: `${CASES.recognized.number},MY`,
      headers: { 'content-type': 'text/csv' },
    });
    const text = await bulkPage.text();
    expect(bulkPage.status === 429 || text.includes('RATE_LIMITED')).toBe(true);
  });

  it('refuses a page past the allowance with a page in the reader\'s language, and the API with its JSON', async () => {
    const page = await fetch(new URL('/verify/bulk', registry.baseUrl), { headers: { 'accept-language': 'id' } });
    expect(page.status).toBe(429);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await page.text();
    expect(body).toContain('<html lang="id">');
    expect(body).toContain('Alamat ini telah mengirim terlalu banyak permintaan.');
    const api = await registry.http.graphql('{ __typename }');
    expect(api.status).toBe(429);
    expect(api.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
