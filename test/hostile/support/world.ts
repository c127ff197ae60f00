import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { EventStore } from '@registry/event-store';
import type { GraphQLSchema } from 'graphql';
import { EVENT_STORE } from '../../../apps/registry/src/store';
import { startRegistry, type RunningRegistry, type StartOptions } from '../../support/in-process-registry';
import { errorCodes, graphql, mutationDocument, type GraphqlAnswer } from './graphql-calls';
import { fingerprintLog, type LogFingerprint } from './log-fingerprint';

export const ADMIN_KEY = 'hostile-suite-admin-key-0123456789';
export const PS = 'APO-PS 101:2023';
export const GPS = 'APO-GPS 201:2023';
/** An ON_APPLICATION arrangement between the two CBs below, covering PS. */
export const MRA_ON_APPLICATION = 'mra-th-my-app';

export const TH = { cbId: 'th-ftpi', country: 'TH' } as const;
export const MY = { cbId: 'my-mpc', country: 'MY' } as const;

export interface WorldKeys {
  /** The operator's bootstrap ACCREDITATION_BODY key. */
  admin: string;
  th: string;
  my: string;
  auditor: string;
  revokedAdmin: string;
  revokedTh: string;
  revokedMy: string;
  /** SKILLS_FOCAL_POINT keys of Thailand and Malaysia, and a revoked one of Thailand's. */
  focalTh: string;
  focalMy: string;
  revokedFocalTh: string;
  /** An EMPLOYER key (watches of exact certificates). */
  employer: string;
}

/** The ASEAN member states a world hands out, each once, to entries that need a country of their own. The
 * first two are the fixed focal points' countries, handed out last. */
const FRESH_COUNTRIES = ['BN', 'KH', 'ID', 'LA', 'MM', 'PH', 'SG', 'VN', 'MY', 'TH'] as const;

/** A running registry with two accredited CBs in two countries, an ON_APPLICATION arrangement between them,
 * and a key for every kind of caller, some of them revoked. */
export interface World {
  registry: RunningRegistry;
  schema: GraphQLSchema;
  store: EventStore;
  keys: WorldKeys;
  /** Sends a mutation with the schema's own document; returns the answer as is. */
  send(name: string, input: Record<string, unknown>, key?: string): Promise<GraphqlAnswer>;
  /** Sends a mutation that must succeed, and returns its result. */
  must(name: string, input: Record<string, unknown>, key: string): Promise<Record<string, unknown>>;
  fingerprint(): Promise<LogFingerprint>;
  /** A fresh suffix for ids, unique in this world. */
  unique(): string;
  /** An ASEAN member state no other caller of freshCountry got in this world (throws when all ten are used). */
  freshCountry(): string;
  /** Runs `make` once per key in this world and returns its (cached) result: state several entries share. */
  once<T>(key: string, make: () => Promise<T>): Promise<T>;
  /** A SKILLS_FOCAL_POINT key of the country, created on first use. */
  focalPointKey(country: string): Promise<string>;
}

export async function buildWorld(options: StartOptions = {}): Promise<World> {
  const registry = await startRegistry({ ...options, config: { adminKey: ADMIN_KEY, ...options.config } });
  const schema = registry.app.get(GraphQLSchemaHost).schema;
  const store = registry.app.get<EventStore>(EVENT_STORE);
  const documents = new Map<string, string>();
  const send = (name: string, input: Record<string, unknown>, key?: string): Promise<GraphqlAnswer> => {
    if (!documents.has(name)) documents.set(name, mutationDocument(schema, name));
    return graphql(registry.http, documents.get(name)!, { input }, key);
  };
  const must = async (name: string, input: Record<string, unknown>, key: string): Promise<Record<string, unknown>> => {
    const answer = await send(name, input, key);
    if (answer.errors.length > 0) {
      throw new Error(`${name}(${JSON.stringify(input)}) failed: ${errorCodes(answer).join(', ')} ${JSON.stringify(answer.errors)}`);
    }
    return answer.data?.[name] as Record<string, unknown>;
  };
  let counter = 0;
  let countries = 0;
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, make: () => Promise<T>): Promise<T> => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key) as Promise<T>;
  };
  const world: World = {
    registry,
    schema,
    store,
    keys: { admin: ADMIN_KEY, th: '', my: '', auditor: '', revokedAdmin: '', revokedTh: '', revokedMy: '', focalTh: '', focalMy: '', revokedFocalTh: '', employer: '' },
    send,
    must,
    fingerprint: () => fingerprintLog(store),
    unique: () => `${Date.now().toString(36)}-${(counter += 1)}`,
    freshCountry: () => {
      const country = FRESH_COUNTRIES[countries];
      if (country === undefined) throw new Error('this world has handed out every ASEAN member state');
      countries += 1;
      return country;
    },
    once,
    focalPointKey: (country) =>
      once(`focal-point-key:${country}`, async () => {
        const created = await must('createApiKey', { role: 'SKILLS_FOCAL_POINT', country, label: `${country} skills focal point` }, ADMIN_KEY);
        return String(created.key);
      }),
  };
  try {
    await populate(world);
  } catch (error) {
    await registry.cleanup();
    throw error;
  }
  return world;
}

async function populate(world: World): Promise<void> {
  const admin = ADMIN_KEY;
  await world.must('registerScheme', { code: PS, title: 'Productivity Specialist' }, admin);
  await world.must('registerScheme', { code: GPS, title: 'Green Productivity Specialist' }, admin);
  for (const [body, name] of [
    [TH, 'Foundation for Thailand Productivity Institute'],
    [MY, 'Malaysia Productivity Corporation'],
  ] as const) {
    await world.must(
      'accreditCertificationBody',
      { ...body, name, scope: [PS, GPS], accreditedOn: '2023-01-01', validUntil: '2030-12-31' },
      admin,
    );
  }
  await world.must(
    'signArrangement',
    {
      id: MRA_ON_APPLICATION,
      title: 'TH–MY productivity specialists, on application',
      parties: [TH.cbId, MY.cbId],
      schemes: [PS],
      mode: 'ON_APPLICATION',
      effectiveFrom: '2023-06-01',
    },
    admin,
  );
  const key = async (role: string, cbId: string | null, label: string, country: string | null = null): Promise<{ keyId: string; key: string }> => {
    const created = await world.must('createApiKey', { role, cbId, country, label }, admin);
    return { keyId: String(created.keyId), key: String(created.key) };
  };
  const th = await key('CERTIFICATION_BODY', TH.cbId, 'FTPI integration');
  const my = await key('CERTIFICATION_BODY', MY.cbId, 'MPC integration');
  const auditor = await key('AUDITOR', null, 'external auditor');
  const revokedAdmin = await key('ACCREDITATION_BODY', null, 'former AB officer');
  const revokedTh = await key('CERTIFICATION_BODY', TH.cbId, 'old FTPI integration');
  const revokedMy = await key('CERTIFICATION_BODY', MY.cbId, 'old MPC integration');
  const focalTh = await key('SKILLS_FOCAL_POINT', null, 'Thailand skills focal point', TH.country);
  const focalMy = await key('SKILLS_FOCAL_POINT', null, 'Malaysia skills focal point', MY.country);
  const revokedFocalTh = await key('SKILLS_FOCAL_POINT', null, 'former Thai focal point', TH.country);
  const employer = await key('EMPLOYER', null, 'hospital HR');
  for (const revoked of [revokedAdmin, revokedTh, revokedMy, revokedFocalTh]) await world.must('revokeApiKey', { keyId: revoked.keyId }, admin);
  world.keys = {
    admin,
    th: th.key,
    my: my.key,
    auditor: auditor.key,
    revokedAdmin: revokedAdmin.key,
    revokedTh: revokedTh.key,
    revokedMy: revokedMy.key,
    focalTh: focalTh.key,
    focalMy: focalMy.key,
    revokedFocalTh: revokedFocalTh.key,
    employer: employer.key,
  };
}
