import { REGISTRY_EVENT_TYPES, toEventRef, type RegistryEvent } from '@registry/domain';
import { streamOf } from '../testing/registry-events';
import { build, GPS, PS } from '../testing/sample-registry';
import { arrangementsProjection } from './arrangements.projection';
import { certificationBodiesProjection } from './certification-bodies.projection';
import { recognitionDecisionsProjection } from './recognition-decisions.projection';
import { REGISTRY_PROJECTIONS } from './registry-projections';

/** Folds events the way the projector does, one stream, revisions from 0. */
function fold<Doc>(projection: { evolve(doc: Doc | null, event: RegistryEvent, ref: ReturnType<typeof toEventRef>): Doc | null }, events: RegistryEvent[]): Doc | null {
  return events.reduce<Doc | null>(
    (doc, event, revision) => projection.evolve(doc, event, toEventRef({ stream: streamOf(event), revision, position: 100 + revision, type: event.type })),
    null,
  );
}

/** Read straight from their stream where they are needed, by no query: a witness's key is looked up in
 * `witness-<name>` by addCheckpointCosignature when the witness posts a cosignature; a certificate-number prefix
 * in `numberprefix-<PREFIX>` by issueCertificate, as a fact. */
const UNPROJECTED: readonly string[] = ['WitnessRegistered', 'CertificateNumberPrefixDeclared'];

describe('the registry projections', () => {
  it('fold every registry event type, each in exactly one projection', () => {
    const folded = REGISTRY_PROJECTIONS.flatMap((projection) => projection.eventTypes);

    expect([...folded].sort()).toEqual([...REGISTRY_EVENT_TYPES].filter((type) => !UNPROJECTED.includes(type)).sort());
  });

  it('have distinct table names', () => {
    const names = REGISTRY_PROJECTIONS.map((projection) => projection.name);

    expect(new Set(names).size).toBe(names.length);
  });

  it('find a certification body by its country', () => {
    const body = fold(certificationBodiesProjection, [build.accredited('th-ftpi', 'TH', [PS])]);

    expect(body && certificationBodiesProjection.keys?.(body)).toEqual([['country', 'TH']]);
  });

  it('find an arrangement by every party and scheme it ever had, withdrawn or amended away included', () => {
    const arrangement = fold(arrangementsProjection, [
      build.signed('asean', ['th-ftpi', 'my-mpc'], [PS, GPS], 'AUTOMATIC'),
      build.partyWithdrawn('asean', 'my-mpc', '2024-01-01'),
      build.partyAdmitted('asean', 'id-lsp', '2024-02-01'),
      build.scopeAmended('asean', [PS], '2024-03-01'),
    ]);

    expect(arrangement && arrangementsProjection.keys?.(arrangement)).toEqual([
      ['party', 'id-lsp'],
      ['party', 'my-mpc'],
      ['party', 'th-ftpi'],
      ['scheme', GPS],
      ['scheme', PS],
    ]);
  });

  it('find a host country decision by its certificate', () => {
    const decisions = fold(recognitionDecisionsProjection, [build.granted('TH-1', 'ID', 'th-id', '2024-01-01'), build.revoked('TH-1', 'ID', '2025-01-01')]);

    expect(decisions && recognitionDecisionsProjection.keys?.(decisions)).toEqual([['certificate', 'TH-1']]);
    expect(decisions?.decisions.map((decision) => decision.decision)).toEqual(['GRANTED', 'REVOKED']);
  });

  it('return the document itself for an event already folded in, so a replay rewrites nothing', () => {
    const signed = build.signed('asean', ['th-ftpi', 'my-mpc'], [PS], 'AUTOMATIC');
    const ref = toEventRef({ stream: streamOf(signed), revision: 0, position: 5, type: signed.type });
    const arrangement = arrangementsProjection.evolve(null, signed, ref);

    expect(arrangementsProjection.evolve(arrangement, signed, ref)).toBe(arrangement);
  });
});
