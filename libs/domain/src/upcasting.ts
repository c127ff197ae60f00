import { apiKeyCreatedV1ToV2 } from './api-keys/upcasters';
import { certificateIssuedV1ToV2 } from './certificates/upcasters';
import type { EventDataOf, RegistryEvent, RegistryEventType } from './registry-event';
import type { Json } from './shared/json';
import { SCHEMA_VERSIONS, isRegistryEventType } from './shared/schema-versions';

/** Turns data of version N into version N + 1. */
type Upcaster = (data: Json) => Json;

/** Per event type, the step out of each old version. A chain runs from the stored version to the current. */
const UPCASTERS: { [Type in RegistryEventType]?: Record<number, Upcaster> } = {
  CertificateIssued: { 1: certificateIssuedV1ToV2 },
  ApiKeyCreated: { 1: apiKeyCreatedV1ToV2 },
};

export class UpcastError extends Error {
  override readonly name = 'UpcastError';
}

/**
 * Stored event data at any known version, as data of the current version. A missing version means 1 (events
 * written before versions were recorded). A version newer than this code knows is refused: guessing would
 * silently drop fields.
 */
export function upcast<Type extends RegistryEventType>(type: Type, schemaVersion: number | undefined, data: unknown): EventDataOf<Type> {
  if (!isRegistryEventType(type)) throw new UpcastError(`unknown event type ${String(type)}`);
  const current = SCHEMA_VERSIONS[type];
  let version = schemaVersion ?? 1;
  if (!Number.isInteger(version) || version < 1 || version > current) {
    throw new UpcastError(`${type} schema version ${version} is not readable (current is ${current})`);
  }
  let upcasted = data as Json;
  while (version < current) {
    const step = UPCASTERS[type]?.[version];
    if (!step) throw new UpcastError(`no upcaster for ${type} from version ${version}`);
    upcasted = step(upcasted);
    version += 1;
  }
  return upcasted as EventDataOf<Type>;
}

/** A stored event as a current domain event. Throws UpcastError on an unknown type; check
 * `isRegistryEventType` first to skip types this code does not know. */
export function toRegistryEvent(type: string, schemaVersion: number | undefined, data: unknown): RegistryEvent {
  if (!isRegistryEventType(type)) throw new UpcastError(`unknown event type ${type}`);
  return { type, data: upcast(type, schemaVersion, data) } as RegistryEvent;
}
