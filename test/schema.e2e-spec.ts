import { readFileSync } from 'node:fs';
import { generatedSchema, SCHEMA_FILE } from '../scripts/registry-schema';

describe('the committed GraphQL schema', () => {
  it('is exactly what the resolvers generate (run `npm run schema` after changing the API)', async () => {
    expect(await generatedSchema()).toEqual(readFileSync(SCHEMA_FILE, 'utf8'));
  });

  it('keeps the public names of the contract (arguments print sorted)', () => {
    const sdl = readFileSync(SCHEMA_FILE, 'utf8');
    for (const name of [
      'recognition(asOf: Date, certificateNumber: String!, country: String!, knownAt: String): Recognition!',
      'certificate(asOf: Date, knownAt: String, number: String!): Certificate',
      'history(fromRevision: Int, limit: Int, stream: String!): [RecordedEvent!]!',
      'enum RecognitionBasis',
      'enum CertificateStatus',
    ]) {
      expect(sdl.replace(/\s+/g, ' ')).toContain(name);
    }
  });
});
