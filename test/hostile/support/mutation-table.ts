import { COSIGNATURE_V1, cosignatureLine, formatVerifierKey, generateEd25519, parseNote, parseCheckpoint, rawPublicKey } from '@registry/tlog';
import { GPS, MRA_ON_APPLICATION, MY, PS, TH, type World } from './world';

/** Every kind of caller the registry must tell apart. */
export const CALLERS = [
  'no key',
  'ACCREDITATION_BODY',
  'CERTIFICATION_BODY of the rightful CB',
  'CERTIFICATION_BODY of another CB',
  'AUDITOR',
  'SKILLS_FOCAL_POINT of the rightful country',
  'SKILLS_FOCAL_POINT of another country',
  'EMPLOYER',
  'revoked key of the rightful role',
] as const;
export type Caller = (typeof CALLERS)[number];

export type Outcome = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN';

type Cb = typeof TH | typeof MY;

export interface Prepared {
  /** An input that succeeds when sent by the rightful caller, on the world as `prepare` left it. */
  input: Record<string, unknown>;
  /** For CERTIFICATION_BODY mutations: the CB that may send it (the issuer, or the host-country CB). */
  rightfulCb?: Cb;
  /** For SKILLS_FOCAL_POINT mutations: the country whose focal point may send it (default TH). */
  rightfulCountry?: string;
}

export interface MutationEntry {
  /** WITNESS: a cosignature, which authenticates itself by a registered witness key, so any caller may post it
   * (a revoked key is still refused, as on every request). It is kept beside the checkpoint, not in the log. */
  sentBy: 'ACCREDITATION_BODY' | 'CERTIFICATION_BODY' | 'SKILLS_FOCAL_POINT' | 'WITNESS';
  /** Records, with the world's own keys, what the mutation acts on. */
  prepare(world: World): Promise<Prepared>;
  /** For the bad-input campaign, when `prepare`'s input leaves out a list of input objects to attack: another
   * input the same rightful caller could send successfully. */
  prepareForCampaign?(world: World): Promise<Prepared>;
  /** The most items its list of input objects takes, when not the usual 50: the campaign sends one more. */
  maxItems?: number;
}

/** The one rule the whole matrix follows. */
export function expectedOutcome(entry: MutationEntry, caller: Caller): Outcome {
  switch (caller) {
    case 'revoked key of the rightful role':
      return 'UNAUTHENTICATED';
    case 'no key':
      return entry.sentBy === 'WITNESS' ? 'ALLOWED' : 'UNAUTHENTICATED';
    case 'ACCREDITATION_BODY':
      return entry.sentBy === 'ACCREDITATION_BODY' || entry.sentBy === 'WITNESS' ? 'ALLOWED' : 'FORBIDDEN';
    case 'CERTIFICATION_BODY of the rightful CB':
      return entry.sentBy === 'CERTIFICATION_BODY' || entry.sentBy === 'WITNESS' ? 'ALLOWED' : 'FORBIDDEN';
    case 'SKILLS_FOCAL_POINT of the rightful country':
      return entry.sentBy === 'SKILLS_FOCAL_POINT' || entry.sentBy === 'WITNESS' ? 'ALLOWED' : 'FORBIDDEN';
    case 'CERTIFICATION_BODY of another CB':
    case 'SKILLS_FOCAL_POINT of another country':
    case 'AUDITOR':
    case 'EMPLOYER':
      return entry.sentBy === 'WITNESS' ? 'ALLOWED' : 'FORBIDDEN';
    default: {
      const unknown: never = caller;
      throw new Error(`unknown caller ${String(unknown)}`);
    }
  }
}

/** The world's own focal point keys for Thailand and Malaysia; for another country, one made on first use. */
function focalPointKeyOf(world: World, country: string): Promise<string> | string {
  if (country === TH.country) return world.keys.focalTh;
  if (country === MY.country) return world.keys.focalMy;
  return world.focalPointKey(country);
}

/** The key of the one caller who may send the entry's prepared input. */
export async function rightfulKey(world: World, entry: MutationEntry, prepared: Prepared): Promise<string> {
  switch (entry.sentBy) {
    case 'ACCREDITATION_BODY':
      return world.keys.admin;
    case 'CERTIFICATION_BODY':
    case 'WITNESS':
      return (prepared.rightfulCb ?? TH) === TH ? world.keys.th : world.keys.my;
    case 'SKILLS_FOCAL_POINT':
      return focalPointKeyOf(world, prepared.rightfulCountry ?? TH.country);
    default: {
      const unknown: never = entry.sentBy;
      throw new Error(`unknown role ${String(unknown)}`);
    }
  }
}

/** The key a caller presents for an entry (undefined: none). */
export async function keyOf(world: World, entry: MutationEntry, prepared: Prepared, caller: Caller): Promise<string | undefined> {
  const rightful = prepared.rightfulCb ?? TH;
  const other = rightful === TH ? MY : TH;
  const cbKey = (cb: Cb): string => (cb === TH ? world.keys.th : world.keys.my);
  const revokedCbKey = (cb: Cb): string => (cb === TH ? world.keys.revokedTh : world.keys.revokedMy);
  switch (caller) {
    case 'no key':
      return undefined;
    case 'ACCREDITATION_BODY':
      return world.keys.admin;
    case 'CERTIFICATION_BODY of the rightful CB':
      return cbKey(rightful);
    case 'CERTIFICATION_BODY of another CB':
      return cbKey(other);
    case 'AUDITOR':
      return world.keys.auditor;
    case 'SKILLS_FOCAL_POINT of the rightful country':
      return focalPointKeyOf(world, prepared.rightfulCountry ?? TH.country);
    case 'SKILLS_FOCAL_POINT of another country':
      return (prepared.rightfulCountry ?? TH.country) === TH.country ? world.keys.focalMy : world.keys.focalTh;
    case 'EMPLOYER':
      return world.keys.employer;
    case 'revoked key of the rightful role':
      switch (entry.sentBy) {
        case 'ACCREDITATION_BODY':
          return world.keys.revokedAdmin;
        case 'CERTIFICATION_BODY':
        case 'WITNESS':
          return revokedCbKey(rightful);
        case 'SKILLS_FOCAL_POINT':
          return world.keys.revokedFocalTh;
        default: {
          const unknown: never = entry.sentBy;
          throw new Error(`unknown role ${String(unknown)}`);
        }
      }
    default: {
      const unknown: never = caller;
      throw new Error(`unknown caller ${String(unknown)}`);
    }
  }
}

// What the entries act on, recorded fresh for each one so that every entry's rightful call can succeed.

async function freshScheme(world: World): Promise<string> {
  const code = `HS-${world.unique()}`;
  await world.must('registerScheme', { code, title: 'Hostile-suite scheme' }, world.keys.admin);
  return code;
}

async function freshCb(world: World, scope: string[] = [PS]): Promise<string> {
  const cbId = `sg-${world.unique()}`;
  await world.must(
    'accreditCertificationBody',
    { cbId, name: 'Singapore test body', country: 'SG', scope, accreditedOn: '2023-01-01', validUntil: '2030-12-31' },
    world.keys.admin,
  );
  return cbId;
}

async function freshArrangement(world: World, parties: string[] = [TH.cbId, MY.cbId]): Promise<string> {
  const id = `mra-${world.unique()}`;
  await world.must(
    'signArrangement',
    { id, title: 'Hostile-suite arrangement', parties, schemes: [PS], mode: 'AUTOMATIC', effectiveFrom: '2023-06-01' },
    world.keys.admin,
  );
  return id;
}

async function freshCertificate(world: World): Promise<string> {
  const number = `TH-HS-${world.unique()}`;
  await world.must(
    'issueCertificate',
    { number, cbId: TH.cbId, schemeCode: PS, holderName: 'Somchai Jaidee', issuedOn: '2024-03-01', validUntil: '2027-02-28' },
    world.keys.th,
  );
  return number;
}

async function freshWatch(world: World): Promise<string> {
  const watchId = `w-${world.unique()}`;
  await world.must('createWatch', { watchId, certificationBodyId: TH.cbId, url: 'https://hooks.example.com/registry' }, world.keys.th);
  return watchId;
}

const reason = 'hostile-suite decision';

/** A witness registered by the accreditation body, and its cosignature of the latest signed checkpoint. */
async function freshCosignature(world: World): Promise<{ treeSize: number; cosignature: string }> {
  const name = `witness.${world.unique()}.example/w1`;
  const { privateKey } = generateEd25519();
  await world.must('registerWitness', { verifierKey: formatVerifierKey(name, rawPublicKey(privateKey), COSIGNATURE_V1) }, world.keys.admin);
  const { text } = parseNote((await world.registry.http.get<string>('/checkpoint')).body);
  return { treeSize: parseCheckpoint(text).size, cosignature: cosignatureLine(text, name, privateKey, Math.floor(Date.now() / 1000)) };
}

/**
 * THE table: one entry per mutation of the API. The test compares its keys with the schema's Mutation fields,
 * so a mutation added without an entry here (or an entry left behind) fails.
 */
export const MUTATION_TABLE: Record<string, MutationEntry> = {
  registerScheme: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async (world) => ({ input: { code: `HS-${world.unique()}`, title: 'Hostile-suite scheme' } }),
  },
  accreditCertificationBody: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async (world) => ({
      input: { cbId: `sg-${world.unique()}`, name: 'SG body', country: 'SG', scope: [PS], accreditedOn: '2023-01-01', validUntil: '2030-12-31' },
    }),
  },
  renewAccreditation: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async (world) => ({ input: { cbId: await freshCb(world), effectiveOn: '2026-01-01', validUntil: '2033-12-31' } }),
  },
  extendAccreditationScope: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async (world) => {
      const cbId = await freshCb(world);
      return { input: { cbId, schemes: [await freshScheme(world)], effectiveOn: '2025-01-01' } };
    },
  },
  reduceAccreditationScope: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async (world) => ({ input: { cbId: await freshCb(world, [PS, GPS]), schemes: [GPS], effectiveOn: '2025-01-01' } }),
  },
  suspendAccreditation: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async (world) => ({ input: { cbId: await freshCb(world), effectiveOn: '2025-01-01', reason } }),
  },
  reinstateAccreditation: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async (world) => {
      const cbId = await freshCb(world);
      await world.must('suspendAccreditation', { cbId, effectiveOn: '2025-01-01', reason }, world.keys.admin);
      return { input: { cbId, effectiveOn: '2025-02-01', reason } };
    },
  },
  withdrawAccreditation: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async (world) => ({ input: { cbId: await freshCb(world), effectiveOn: '2025-03-01', reason } }),
  },
  issueCertificate: {
    sentBy: 'CERTIFICATION_BODY',
    prepare: async (world) => ({
      input: {
        number: `TH-HS-${world.unique()}`,
        cbId: TH.cbId,
        schemeCode: PS,
        holderName: 'Somchai Jaidee',
        issuedOn: '2024-03-01',
        validUntil: '2027-02-28',
      },
      rightfulCb: TH,
    }),
  },
  renewCertificate: {
    sentBy: 'CERTIFICATION_BODY',
    prepare: async (world) => ({ input: { number: await freshCertificate(world), effectiveOn: '2026-01-01', validUntil: '2029-02-28' }, rightfulCb: TH }),
  },
  suspendCertificate: {
    sentBy: 'CERTIFICATION_BODY',
    prepare: async (world) => ({ input: { number: await freshCertificate(world), effectiveOn: '2025-01-10', reason }, rightfulCb: TH }),
  },
  reinstateCertificate: {
    sentBy: 'CERTIFICATION_BODY',
    prepare: async (world) => {
      const number = await freshCertificate(world);
      await world.must('suspendCertificate', { number, effectiveOn: '2025-01-10', reason }, world.keys.th);
      return { input: { number, effectiveOn: '2025-02-10', reason }, rightfulCb: TH };
    },
  },
  withdrawCertificate: {
    sentBy: 'CERTIFICATION_BODY',
    prepare: async (world) => ({ input: { number: await freshCertificate(world), effectiveOn: '2025-03-10', reason }, rightfulCb: TH }),
  },
  cancelCertificate: {
    sentBy: 'CERTIFICATION_BODY',
    prepare: async (world) => ({ input: { number: await freshCertificate(world), effectiveOn: '2025-03-10', reason }, rightfulCb: TH }),
  },
  signArrangement: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async (world) => ({
      input: {
        id: `mra-${world.unique()}`,
        title: 'Hostile-suite arrangement',
        parties: [TH.cbId, MY.cbId],
        schemes: [PS],
        mode: 'AUTOMATIC',
        effectiveFrom: '2023-06-01',
      },
    }),
  },
  admitArrangementParty: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async (world) => {
      const id = await freshArrangement(world);
      return { input: { id, cbId: await freshCb(world), effectiveOn: '2025-01-01' } };
    },
  },
  withdrawArrangementParty: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async (world) => {
      const third = await freshCb(world);
      return { input: { id: await freshArrangement(world, [TH.cbId, MY.cbId, third]), cbId: third, effectiveOn: '2025-01-01' } };
    },
  },
  amendArrangementScope: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async (world) => ({ input: { id: await freshArrangement(world), schemes: [PS, GPS], effectiveOn: '2025-01-01' } }),
  },
  suspendArrangement: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async (world) => ({ input: { id: await freshArrangement(world), effectiveOn: '2025-01-01', reason } }),
  },
  reinstateArrangement: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async (world) => {
      const id = await freshArrangement(world);
      await world.must('suspendArrangement', { id, effectiveOn: '2025-01-01', reason }, world.keys.admin);
      return { input: { id, effectiveOn: '2025-02-01', reason } };
    },
  },
  terminateArrangement: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async (world) => ({ input: { id: await freshArrangement(world), effectiveOn: '2025-03-01', reason } }),
  },
  grantRecognition: {
    sentBy: 'CERTIFICATION_BODY',
    prepare: async (world) => ({
      input: { certificateNumber: await freshCertificate(world), country: MY.country, arrangementId: MRA_ON_APPLICATION, decidedOn: '2025-06-01' },
      rightfulCb: MY,
    }),
  },
  applyForRecognition: {
    sentBy: 'CERTIFICATION_BODY',
    prepare: async (world) => ({
      input: { certificateNumber: await freshCertificate(world), country: MY.country, arrangementId: MRA_ON_APPLICATION, appliedOn: '2025-05-01', note: 'supporting note' },
      rightfulCb: TH,
    }),
  },
  refuseRecognition: {
    sentBy: 'CERTIFICATION_BODY',
    prepare: async (world) => {
      const certificateNumber = await freshCertificate(world);
      const application = { certificateNumber, country: MY.country, arrangementId: MRA_ON_APPLICATION, appliedOn: '2025-05-01' };
      await world.must('applyForRecognition', application, world.keys.th);
      return { input: { certificateNumber, country: MY.country, decidedOn: '2025-06-01', reasonCode: 'INSUFFICIENT_EVIDENCE', note: reason }, rightfulCb: MY };
    },
  },
  importCertificates: {
    sentBy: 'CERTIFICATION_BODY',
    maxItems: 1000,
    prepare: async (world) => {
      const number = `TH-HS-${world.unique()}`;
      return {
        input: {
          cbId: TH.cbId,
          rows: [
            { number, event: 'ISSUED', date: '2024-03-01', schemeCode: PS, holderName: 'Somchai Jaidee', validUntil: '2027-02-28' },
            { number, event: 'SUSPENDED', date: '2025-01-10', reason },
          ],
        },
        rightfulCb: TH,
      };
    },
  },
  correctCertificate: {
    sentBy: 'CERTIFICATION_BODY',
    prepare: async (world) => ({
      input: { number: await freshCertificate(world), field: 'HOLDER_NAME', value: 'Somchai Jaidii', reason: 'misspelt at issue' },
      rightfulCb: TH,
    }),
  },
  revokeRecognition: {
    sentBy: 'CERTIFICATION_BODY',
    prepare: async (world) => ({
      input: { certificateNumber: await freshCertificate(world), country: MY.country, arrangementId: MRA_ON_APPLICATION, decidedOn: '2025-06-01', reason },
      rightfulCb: MY,
    }),
  },
  createApiKey: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async () => ({ input: { role: 'AUDITOR', label: 'hostile-suite auditor' } }),
  },
  registerWitness: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async (world) => {
      const { privateKey } = generateEd25519();
      return { input: { verifierKey: formatVerifierKey(`witness.${world.unique()}.example/w1`, rawPublicKey(privateKey), COSIGNATURE_V1) } };
    },
  },
  // A CB's watch of its own certificates: the rightful caller is that CB; an employer or another CB may not
  // watch a CB's whole register. The URL is public and is never reached (the test machine has no network).
  createWatch: {
    sentBy: 'CERTIFICATION_BODY',
    prepare: async (world) => ({ input: { watchId: `w-${world.unique()}`, certificationBodyId: TH.cbId, url: 'https://hooks.example.com/registry' } }),
    prepareForCampaign: async (world) => ({
      input: { watchId: `w-${world.unique()}`, certificates: [{ certificateNumber: await freshCertificate(world), country: MY.country }], url: 'https://hooks.example.com/registry' },
    }),
  },
  rotateWatchSecret: {
    sentBy: 'CERTIFICATION_BODY',
    prepare: async (world) => ({ input: { watchId: await freshWatch(world) } }),
  },
  deleteWatch: {
    sentBy: 'CERTIFICATION_BODY',
    prepare: async (world) => ({ input: { watchId: await freshWatch(world) } }),
  },
  addCheckpointCosignature: {
    sentBy: 'WITNESS',
    prepare: async (world) => ({ input: await freshCosignature(world) }),
  },
  revokeApiKey: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async (world) => {
      const created = await world.must('createApiKey', { role: 'AUDITOR', label: 'to be revoked' }, world.keys.admin);
      return { input: { keyId: created.keyId } };
    },
  },

  declareCertificateNumberPrefix: {
    sentBy: 'ACCREDITATION_BODY',
    // `<base36 time>-<n>`: two groups of letters and digits, a prefix no certificate of the suite begins with.
    prepare: async (world) => ({ input: { prefix: `HP${world.unique()}`, cbId: MY.cbId } }),
  },

  // The mutual recognition of skills (libs/domain/src/skills): who sends what is in libs/domain/src/permissions.ts.
  registerNationalFramework: {
    sentBy: 'SKILLS_FOCAL_POINT',
    prepare: async (world) => {
      const country = world.freshCountry();
      return { input: { country, title: `${country} qualifications framework`, levels: LEVELS }, rightfulCountry: country };
    },
  },
  amendNationalFrameworkLevels: {
    sentBy: 'SKILLS_FOCAL_POINT',
    prepare: async (world) => {
      const country = await freshFramework(world, 'started');
      return {
        input: {
          country,
          levels: [...LEVELS, { level: 5, title: 'Diploma' }],
          references: [...REFERENCES, { nqfLevel: 5, aqrfLevel: 5 }],
          amendedOn: '2016-01-01',
          reason: 'a diploma level added',
        },
        rightfulCountry: country,
      };
    },
  },
  startAqrfReferencing: {
    sentBy: 'SKILLS_FOCAL_POINT',
    prepare: async (world) => {
      const country = await freshFramework(world, 'registered');
      return { input: { country, references: REFERENCES, startedOn: '2014-03-01' }, rightfulCountry: country };
    },
  },
  amendAqrfReferencing: {
    sentBy: 'SKILLS_FOCAL_POINT',
    prepare: async (world) => {
      const country = await freshFramework(world, 'started');
      return { input: { country, references: REFERENCES.slice(0, 2), amendedOn: '2016-01-01', reason: 'levels 3 and 4 withdrawn' }, rightfulCountry: country };
    },
  },
  submitAqrfReferencing: {
    sentBy: 'SKILLS_FOCAL_POINT',
    prepare: async (world) => {
      const country = await freshFramework(world, 'started');
      return { input: { country, submittedOn: '2014-09-01' }, rightfulCountry: country };
    },
  },
  endorseAqrfReferencing: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async (world) => ({ input: { country: await freshFramework(world, 'submitted'), endorsedOn: '2015-05-01' } }),
  },
  registerNationalQualification: {
    sentBy: 'SKILLS_FOCAL_POINT',
    prepare: async (world) => {
      const country = await sharedFramework(world);
      return { input: qualificationInput(world, country), rightfulCountry: country };
    },
  },
  linkSchemeToQualification: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async (world) => {
      const country = await sharedFramework(world);
      const qualification = qualificationInput(world, country);
      await world.must('registerNationalQualification', qualification, await focalPointKeyOf(world, country));
      return { input: { schemeCode: await freshScheme(world), qualificationId: qualification.id, linkedOn: '2015-06-01' } };
    },
  },
  proposePriorityOccupation: {
    sentBy: 'SKILLS_FOCAL_POINT',
    prepare: async (world) => ({
      input: { country: TH.country, code: `OCC-${world.unique()}`, sector: 'Tourism', occupation: 'Front office agent', proposedOn: '2013-10-01' },
    }),
  },
  validatePriorityOccupation: {
    sentBy: 'ACCREDITATION_BODY',
    prepare: async (world) => {
      const code = `OCC-${world.unique()}`;
      await world.must(
        'proposePriorityOccupation',
        { country: TH.country, code, sector: 'Tourism', occupation: 'Front office agent', proposedOn: '2013-10-01' },
        world.keys.focalTh,
      );
      return {
        input: {
          country: TH.country,
          code,
          partner: 'EMPLOYERS',
          organisation: 'Employers Confederation of Thailand',
          representative: 'Hostile-suite delegate',
          outcome: 'VALIDATED',
          validatedOn: '2014-09-25',
        },
      };
    },
  },
  adoptActionPlan: {
    sentBy: 'SKILLS_FOCAL_POINT',
    prepare: async (world) => {
      const country = world.freshCountry();
      return { input: planInput(country), rightfulCountry: country };
    },
  },
  amendActionPlanTargets: {
    sentBy: 'SKILLS_FOCAL_POINT',
    prepare: async (world) => {
      const country = await sharedPlan(world);
      const targetCountries = ['BN', 'KH', 'LA'].filter((target) => target !== country).slice(0, 2);
      return { input: { country, targetCountries, amendedOn: '2016-02-01', reason: 'new partners named' }, rightfulCountry: country };
    },
  },
  addActionPlanItem: {
    sentBy: 'SKILLS_FOCAL_POINT',
    prepare: async (world) => {
      const country = await sharedPlan(world);
      return { input: itemInput(world, country), rightfulCountry: country };
    },
  },
  reportActionPlanProgress: {
    sentBy: 'SKILLS_FOCAL_POINT',
    prepare: async (world) => {
      const country = await sharedPlan(world);
      const item = itemInput(world, country);
      await world.must('addActionPlanItem', item, await focalPointKeyOf(world, country));
      return { input: { country, itemId: item.itemId, progress: 'IN_PROGRESS', note: 'assessors selected', reportedOn: '2016-01-15' }, rightfulCountry: country };
    },
  },
};

const LEVELS = [1, 2, 3, 4].map((level) => ({ level, title: `Certificate ${level}` }));
const REFERENCES = [1, 2, 3, 4].map((level) => ({ nqfLevel: level, aqrfLevel: level }));

/** A country of its own with a framework at the given stage of its referencing, recorded by its focal point. */
async function freshFramework(world: World, stage: 'registered' | 'started' | 'submitted'): Promise<string> {
  const country = world.freshCountry();
  const key = await focalPointKeyOf(world, country);
  await world.must('registerNationalFramework', { country, title: `${country} qualifications framework`, levels: LEVELS }, key);
  if (stage === 'registered') return country;
  await world.must('startAqrfReferencing', { country, references: REFERENCES, startedOn: '2014-03-01' }, key);
  if (stage === 'started') return country;
  await world.must('submitAqrfReferencing', { country, submittedOn: '2014-09-01' }, key);
  return country;
}

/** One framework the entries that only need one share, so that the ten member states go round. */
function sharedFramework(world: World): Promise<string> {
  return world.once('shared framework', () => freshFramework(world, 'registered'));
}

function qualificationInput(world: World, country: string) {
  return {
    id: `NQ-${world.unique()}`,
    country,
    title: 'Commis cook',
    occupation: 'Cook',
    sector: 'Tourism',
    nqfLevel: 2,
    awardingBody: 'National skills authority',
  };
}

function planInput(country: string) {
  return { country, title: `${country} MRS action plan`, targetCountries: [country === TH.country ? MY.country : TH.country], adoptedOn: '2015-08-11' };
}

function sharedPlan(world: World): Promise<string> {
  return world.once('shared plan', async () => {
    const country = world.freshCountry();
    await world.must('adoptActionPlan', planInput(country), await focalPointKeyOf(world, country));
    return country;
  });
}

function itemInput(world: World, country: string) {
  return { country, itemId: `item-${world.unique()}`, kind: 'TRAIN_ASSESSORS', description: 'Train assessors with DSD Thailand', dueOn: '2016-06-30' };
}
