import { generateApiKey } from '../../../apps/registry/src/auth';
import type { AppSeams } from '../../../apps/registry/src/app.module';
import type { Config } from '../../../apps/registry/src/config';
import { loadDemo } from '../../../scripts/demo/load-demo';
import { startRegistry, type RunningRegistry } from '../../support/in-process-registry';

/** The date every answer in these tests is asked for, so that they do not change with the calendar. */
export const AS_OF = '2026-11-29';

/** The five answers a person meets, all in the demo data set, on AS_OF. */
export const CASES = {
  recognized: { number: 'TH-PS-2024-0001', country: 'MY', holder: 'Somchai Prasertsuk' },
  refused: { number: 'VN-PS-2024-0012', country: 'MY', holder: 'Trần Minh Quân', reason: 'RECOGNITION_REVOKED' },
  suspended: { number: 'SG-PS-2023-0003', country: 'MY', holder: 'Tan Wei Ming', reason: 'CERTIFICATE_SUSPENDED' },
  cancelled: { number: 'VN-PS-2024-0005', country: 'MY', holder: 'Nguyễn Thị Lan', reason: 'CERTIFICATE_CANCELLED' },
  unknown: { number: 'ZZ-PS-2024-9999', country: 'MY', holder: null },
} as const;

/** A certificate whose scheme is linked to a national qualification: recognition and comparability side by side. */
export const COMPARABLE = { number: 'TH-FOH-2025-0011', country: 'VN' } as const;

/** Recognized on a grant with conditions. */
export const CONDITIONAL = { number: 'LK-PSPS-2025-0008', country: 'MY', conditions: 'Supervised practice for the first six months' } as const;

export function answerPath(number: string, country: string, extra: Record<string, string> = {}): string {
  return `/verify/${encodeURIComponent(number)}?${new URLSearchParams({ country, asOf: AS_OF, ...extra }).toString()}`;
}

/** The real registry with the demo data set loaded through its API. */
export async function startDemoRegistry(config: Partial<Config> = {}, seams: AppSeams = {}): Promise<RunningRegistry> {
  const adminKey = generateApiKey().secret;
  const registry = await startRegistry({ config: { adminKey, ...config }, seams });
  try {
    await loadDemo(registry.app, adminKey);
    return registry;
  } catch (error) {
    await registry.cleanup();
    throw error;
  }
}
