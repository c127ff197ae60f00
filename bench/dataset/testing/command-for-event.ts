import {
  arrangementSchemesAt,
  evolveCertificateTimeline,
  isPartyAt,
  withFacts,
  type Actor,
  type ArrangementTimeline,
  type CertificateTimeline,
  type CertificationBodyTimeline,
  type FactSource,
  type RegistryCommand,
  type RegistryCommandDraft,
  type RegistryCommandType,
  type RegistryEvent,
} from '@registry/domain';
import type { GeneratedAppend } from '../generated-append';
import { SCHEMES } from '../reference-data';
import { foldAppend } from '../reference-world';

/** What the data set holds: its certification bodies, arrangements and certificate streams. */
export interface DatasetWorld {
  body(cbId: string): CertificationBodyTimeline;
  arrangement(id: string): ArrangementTimeline;
  arrangements(): ArrangementTimeline[];
  certificate(number: string): GeneratedAppend;
}

const REGISTERED: readonly string[] = SCHEMES.map((scheme) => scheme.code);

function certificateTimeline(world: DatasetWorld, number: string): CertificateTimeline {
  return foldAppend(evolveCertificateTimeline, world.certificate(number));
}

function absent(what: string): never {
  throw new Error(`the data set holds no ${what}`);
}

/** The domain's FactSource over the data set: the facts each command's declaration reads, as the write side would. */
function factsOf(world: DatasetWorld): FactSource {
  return {
    certificationBody: async (cbId) => world.body(cbId),
    certificate: async (number) => certificateTimeline(world, number),
    arrangement: async (id) => world.arrangement(id),
    // Every revocation of the data set names the arrangement it acts under (commandFor), so none looks it up.
    recognitionDecision: async () => absent('recognition decision looked up'),
    scheme: async (code) => absent(`scheme stream read (${code})`),
    registeredSchemes: async (codes) => [...new Set(codes)].filter((code) => REGISTERED.includes(code)),
    nationalFramework: async (country) => absent(`national framework (${country})`),
    nationalQualification: async (id) => absent(`national qualification (${id})`),
    // The data set declares no certificate-number prefix: every number is open to every CB.
    numberPrefixClaims: async () => [],
  };
}

/** The arrangement a revocation acts under: the grant's (the last event on the pair), else one giving standing. */
function revokedUnder(world: DatasetWorld, certificate: CertificateTimeline, host: string, on: string, history: RegistryEvent[]): string {
  const last = history.at(-1);
  if (last?.type === 'RecognitionGranted') return last.data.arrangementId;
  const covering = world
    .arrangements()
    .find((a) => isPartyAt(a, certificate.cbId, on) && isPartyAt(a, host, on) && arrangementSchemesAt(a, on).includes(certificate.schemeCode));
  if (covering === undefined) throw new Error(`no arrangement gives ${host} standing on ${certificate.number}`);
  return covering.id;
}

/**
 * The command of type `type` (the event's metadata records it) that would have produced `event`, completed with
 * the facts its declaration reads: the data is the event's own (commands and events share field names), the
 * actor is the one in its metadata. A revocation names its arrangement, which its event does not record.
 */
export async function commandFor(
  type: RegistryCommandType,
  event: RegistryEvent,
  actor: Actor,
  world: DatasetWorld,
  history: RegistryEvent[] = [],
): Promise<RegistryCommand> {
  let data: object = event.data;
  if (event.type === 'RecognitionRevoked') {
    const certificate = certificateTimeline(world, event.data.certificateNumber);
    data = { ...event.data, arrangementId: revokedUnder(world, certificate, actor.cbId ?? '', event.data.decidedOn, history) };
  }
  return withFacts({ type, data, actor } as RegistryCommandDraft, factsOf(world));
}
