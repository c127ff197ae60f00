import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CERTIFICATION_BODIES, DEMO_STEPS, SCHEMES, type Sender } from './demo-dataset';
import { RegistryClient } from './registry-client';

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { keyId key } }`;
const SCHEME = `query($code: String!) { scheme(code: $code) { code } }`;

const inputTypeOf = (mutation: string) => `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
const mutationDocument = (mutation: string) =>
  `mutation($input: ${inputTypeOf(mutation)}!) { ${mutation}(input: $input) { position } }`;

export type DemoLoad = { loaded: boolean; steps: number; auditorKey?: string };

/**
 * Loads the demo data set through the API with `adminKey` (an ACCREDITATION_BODY key): one CERTIFICATION_BODY key
 * per certification body is created for the steps they send, as in real life. Does nothing when the data set is
 * already there.
 */
export async function loadDemo(app: NestFastifyApplication, adminKey: string, onStep?: () => void): Promise<DemoLoad> {
  const client = new RegistryClient(app);
  const existing = await client.request<{ scheme: unknown }>(SCHEME, { code: SCHEMES.PS });
  if (existing.scheme !== null) return { loaded: false, steps: 0 };

  const keys = new Map<string, string>();
  const keyOf = async (sender: Sender): Promise<string> => {
    if (sender.kind === 'accreditation-body') return adminKey;
    const [id, input] =
      sender.kind === 'certification-body'
        ? [sender.cbId, { role: 'CERTIFICATION_BODY', cbId: sender.cbId, label: `${sender.cbId} (demo)` }]
        : [`focal-point:${sender.country}`, { role: 'SKILLS_FOCAL_POINT', country: sender.country, label: `${sender.country} skills focal point (demo)` }];
    let key = keys.get(id);
    if (key === undefined) {
      const created = await client.request<{ createApiKey: { key: string } }>(CREATE_KEY, { input }, adminKey);
      key = created.createApiKey.key;
      keys.set(id, key);
    }
    return key;
  };

  for (const step of DEMO_STEPS) {
    await client.request(mutationDocument(step.mutation), { input: step.input }, await keyOf(step.sender));
    onStep?.();
  }
  const auditor = await client.request<{ createApiKey: { key: string } }>(
    CREATE_KEY,
    { input: { role: 'AUDITOR', label: 'demo auditor' } },
    adminKey,
  );
  return { loaded: true, steps: DEMO_STEPS.length, auditorKey: auditor.createApiKey.key };
}

const count = (mutation: string): number => DEMO_STEPS.filter((s) => s.mutation === mutation).length;

export const DEMO_SUMMARY = `${CERTIFICATION_BODIES.length} certification bodies, ${Object.keys(SCHEMES).length} schemes, ${count(
  'signArrangement',
)} arrangements, ${count('issueCertificate')} certificates; ${count('registerNationalFramework')} national qualifications frameworks, ${count(
  'proposePriorityOccupation',
)} priority occupations, ${count('adoptActionPlan')} action plans (AQRF referencing, occupations and plans partly illustrative: see scripts/demo/skills-dataset.ts)`;
