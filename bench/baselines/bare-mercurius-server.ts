import Fastify from 'fastify';
import mercurius from 'mercurius';

/**
 * Row 4's baseline, run as its own process like the registry: bare Fastify + Mercurius with graphql-jit,
 * the registry's `recognition` query shape, answered from a constant. What is left between this and the
 * registry is the registry's own work: Nest, guards and limits, the read models and the recognition rule.
 * PORT selects the port; it prints "listening" once ready.
 */
const schema = `
  scalar Date
  enum RecognitionBasis { HOME ARRANGEMENT DECISION }
  type Reason { code: String!  message: String! }
  type EventRef { stream: String!  revision: Int!  position: String!  type: String! }
  type Recognition {
    certificateNumber: String!
    country: String!
    asOf: Date!
    recognized: Boolean!
    basis: RecognitionBasis
    arrangementId: ID
    validUntil: Date
    reasons: [Reason!]!
    evidence: [EventRef!]!
  }
  type Query {
    recognition(certificateNumber: String!, country: String!, asOf: Date): Recognition!
  }
`;

/** A typical positive answer: recognized under an arrangement, on four recorded events. */
const ANSWER = {
  certificateNumber: 'PS-TH-0004217',
  country: 'VN',
  asOf: '2026-06-30',
  recognized: true,
  basis: 'ARRANGEMENT',
  arrangementId: 'mra-007',
  validUntil: '2027-03-14',
  reasons: [],
  evidence: [
    { stream: 'certificate-PS-TH-0004217', revision: 0, position: '5821', type: 'CertificateIssued' },
    { stream: 'cb-npo-th', revision: 0, position: '21', type: 'CertificationBodyAccredited' },
    { stream: 'arrangement-mra-007', revision: 0, position: '52', type: 'MRASigned' },
    { stream: 'cb-npo-vn', revision: 0, position: '44', type: 'CertificationBodyAccredited' },
  ],
};

async function main(): Promise<void> {
  const app = Fastify({ logger: false });
  await app.register(mercurius, { schema, resolvers: { Query: { recognition: () => ANSWER } }, jit: 1, path: '/graphql' });
  await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
  process.stdout.write('listening\n');
  process.once('SIGTERM', () => {
    void app.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bare-mercurius-server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
