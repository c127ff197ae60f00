import fc from 'fast-check';
import { VC_CONTEXT } from './recognition-statement';
import { verifyRecognitionStatement } from './verify-statement';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const HEADER = { alg: 'EdDSA', typ: 'vc+jwt', kid: 'k', jwk: { kty: 'OKP', crv: 'Ed25519', x: Buffer.alloc(32).toString('base64url') } };
const wellShaped = {
  '@context': [VC_CONTEXT],
  type: ['VerifiableCredential', 'RecognitionStatement'],
  issuer: { id: 'https://registry.example.org', name: 'r' },
  credentialSubject: { knownThrough: null },
  evidence: [],
  checkpoint: 'not a note',
};

describe('verifying a statement whoever wrote it', () => {
  it.each([
    ['an evidence entry that is null', { ...wellShaped, evidence: [null] }],
    ['an evidence entry without an audit path', { ...wellShaped, evidence: [{ leafIndex: 1, treeSize: 2, eventType: 'X', leafHash: '' }] }],
    ['a negative leaf index', { ...wellShaped, evidence: [{ leafIndex: -1, treeSize: 2, eventType: 'X', leafHash: '', auditPath: [] }] }],
    ['no issuer', { ...wellShaped, issuer: undefined }],
    ['no knownThrough', { ...wellShaped, credentialSubject: {} }],
    ['knownThrough as text', { ...wellShaped, credentialSubject: { knownThrough: 'all of it' } }],
    ['a payload that is not an object', 'just text'],
  ])('fails, and never throws, on %s', async (_what, payload) => {
    const result = await verifyRecognitionStatement(`${b64(HEADER)}.${b64(payload)}.${'A'.repeat(86)}`);
    expect(result.ok).toBe(false);
    expect(result.checks.filter((check) => !check.ok).length).toBeGreaterThan(0);
  });

  it('fails, and never throws, on any text at all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json().map((json) => `${b64(HEADER)}.${Buffer.from(json).toString('base64url')}.AAAA`)), async (text) => {
        expect((await verifyRecognitionStatement(text)).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
