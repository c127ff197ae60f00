import { arrangementPartiesAt, type RegistryEventType } from '@registry/domain';
import { CertificateFactory, type CertificateHistory } from './certificate-history';
import type { GeneratedAppend } from './generated-append';
import { CALENDAR, COUNTRIES } from './reference-data';
import { buildReferenceWorld, type ReferenceWorld } from './reference-world';
import { SeededRandom } from './seeded-random';

export interface DatasetOptions {
  certificates: number;
  seed: number;
}

/** The question row 4 asks over HTTP. */
export interface RecognitionQuestion {
  certificateNumber: string;
  country: string;
  asOf: string;
}

/**
 * A realistic registry, deterministic from its seed: 3 schemes, certification bodies in 20 countries, 30
 * arrangements of both modes, and `certificates` certificates with their lifecycles and the recognition
 * decisions taken on them. Certificates are produced on demand, so a million never sit in memory at once.
 */
export class RegistryDataset {
  readonly world: ReferenceWorld;
  private readonly factory: CertificateFactory;

  constructor(readonly options: DatasetOptions) {
    if (!Number.isInteger(options.certificates) || options.certificates < 1) throw new RangeError('the data set needs at least one certificate');
    this.world = buildReferenceWorld(options.seed);
    this.factory = new CertificateFactory(this.world, options.seed);
  }

  get size(): number {
    return this.options.certificates;
  }

  referenceAppends(): GeneratedAppend[] {
    return this.world.appends;
  }

  certificate(index: number): CertificateHistory {
    if (index < 0 || index >= this.size) throw new RangeError(`certificate ${index} is outside the data set`);
    return this.factory.history(index);
  }

  *certificates(from = 0, to = this.size): Generator<CertificateHistory> {
    for (let index = from; index < to; index += 1) yield this.factory.history(index);
  }

  /**
   * `count` questions spread over the whole data set: a quarter about the home country, half about a
   * partner country under one of the CB's arrangements, a quarter about any other member country.
   */
  recognitionQuestions(count: number): RecognitionQuestion[] {
    const random = new SeededRandom(this.options.seed, 4);
    return Array.from({ length: count }, () => {
      const history = this.certificate(random.int(0, this.size - 1));
      const roll = random.next();
      let country = history.country;
      if (roll >= 0.25 && roll < 0.75) {
        const arrangements = this.world.arrangementsOf.get(history.cbId) ?? [];
        const partners = arrangements.flatMap((arrangement) => arrangementPartiesAt(arrangement, CALENDAR.asOf));
        const countries = partners.map((cbId) => this.world.timelineOf.get(cbId)?.country).filter((c): c is string => c !== undefined && c !== history.country);
        if (countries.length > 0) country = random.pick(countries);
      } else if (roll >= 0.75) {
        country = random.pick(COUNTRIES.filter((profile) => profile.code !== history.country)).code;
      }
      return { certificateNumber: history.number, country, asOf: CALENDAR.asOf };
    });
  }
}

/** How many events of each type a set of appends holds. */
export function countByType(appends: Iterable<GeneratedAppend>, into: Partial<Record<RegistryEventType, number>> = {}): Partial<Record<RegistryEventType, number>> {
  for (const append of appends) for (const { event } of append.events) into[event.type] = (into[event.type] ?? 0) + 1;
  return into;
}
