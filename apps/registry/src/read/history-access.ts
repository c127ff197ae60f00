import { CERTIFICATE_STREAM_PREFIX, CERTIFICATION_BODY_STREAM_PREFIX, RECOGNITION_STREAM_PREFIX } from '@registry/domain';
import type { RecordedEvent } from '@registry/event-store';
import type { RegistryReadModels } from '@registry/projections';

/**
 * Which streams a CERTIFICATION_BODY key may replay: its own records only — its `cb-` stream, its certificates, and
 * the recognition streams of its certificates (its applications) or with a decision its CB took. Anything else,
 * existing or not, is refused alike, so the answer does not tell whether another CB's stream exists.
 */
export function certificationBodyMayRead(
  stream: string,
  cbId: string,
  models: RegistryReadModels,
  readWhole: () => Promise<RecordedEvent[]>,
): Promise<boolean> | boolean {
  if (stream === `${CERTIFICATION_BODY_STREAM_PREFIX}${cbId}`) return true;
  if (stream.startsWith(CERTIFICATE_STREAM_PREFIX)) return models.certificate(stream.slice(CERTIFICATE_STREAM_PREFIX.length))?.cbId === cbId;
  if (stream.startsWith(RECOGNITION_STREAM_PREFIX)) {
    // recognition-<number>-<COUNTRY>: the number may hold dashes, the country is the last two letters.
    const number = stream.slice(RECOGNITION_STREAM_PREFIX.length, -3);
    if (models.certificate(number)?.cbId === cbId) return true;
    return readWhole().then((events) => events.some((event) => (event.metadata.actor as { cbId?: string } | undefined)?.cbId === cbId));
  }
  return false;
}
