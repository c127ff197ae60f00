import { createRegistryApp } from '../apps/registry/src/create-app';
import { loadConfig } from '../apps/registry/src/config';
import { generateApiKey } from '../apps/registry/src/auth';
import { DEMO_STEPS } from './demo/demo-dataset';
import { DEMO_SUMMARY, loadDemo } from './demo/load-demo';
import { GraphqlRequestError } from './demo/registry-client';
import { SingleBar, Presets } from 'cli-progress';

const QUERIES = `
Try these against \`npm start\` (GraphiQL: http://localhost:3000/graphiql):

  # Is a Thai productivity specialist recognized in Malaysia today, and why?
  { recognition(certificateNumber: "TH-PS-2024-0001", country: "MY") {
      recognized basis arrangementId validUntil reasons { code message } evidence { stream revision type } } }

  # A Sri Lankan public-sector specialist in Malaysia: recognized on application, after the decision of 2025-06-16
  { before: recognition(certificateNumber: "LK-PSPS-2025-0008", country: "MY", asOf: "2025-06-01") { recognized reasons { code } }
    after:  recognition(certificateNumber: "LK-PSPS-2025-0008", country: "MY") { recognized basis validUntil } }

  # A suspended certificate, and the countries its holder was recognized in before the suspension
  { now: certificate(number: "SG-PS-2023-0003") { holderName status recognizedIn }
    before: certificate(number: "SG-PS-2023-0003", asOf: "2026-06-01") { status recognizedIn } }

  # An employer in Viet Nam: is this Thai front office associate recognized, and where does the qualification sit here?
  { recognition(certificateNumber: "TH-FOH-2025-0011", country: "VN") {
      recognized basis comparability { kind notice comparable aqrfLevel hostNqfLevels priorityInBoth reasons { code message } } } }

  # Cambodia's skills focal point: the action plan today, and the region's monitoring
  { actionPlan(country: "KH") { counts { done onTrack overdue } items { itemId dueOn status doneOn late lastReport { note } } }
    actionPlanMonitoring { counts { done onTrack overdue } countries { country counts { done onTrack overdue } } } }
`;

/**
 * `npm run demo`: loads the demo data set into the registry's data directory (REGISTRY_DATA_DIR, default ./data)
 * through the API. Stop `npm start` first: one process holds a data directory at a time.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // On a new store the bootstrap makes this the first administrator key; on one that has keys, it must be given.
  const adminKey = config.adminKey ?? generateApiKey().secret;
  const app = await createRegistryApp({ adminKey, logLevel: 'warn' });
  const bar = new SingleBar({ format: 'Loading the demo |{bar}| {value}/{total} mutations', hideCursor: true }, Presets.shades_classic);
  try {
    await app.init();
    bar.start(DEMO_STEPS.length, 0);
    const result = await loadDemo(app, adminKey, () => bar.increment());
    bar.stop();
    if (!result.loaded) {
      process.stdout.write(`The demo data set is already in ${config.dataDir}.\n${QUERIES}`);
      return;
    }
    process.stdout.write(`Loaded ${DEMO_SUMMARY} into ${config.dataDir} (${result.steps} mutations).\n`);
    if (config.adminKey === undefined) process.stdout.write(`Administrator key (ACCREDITATION_BODY), shown once: ${adminKey}\n`);
    process.stdout.write(`Auditor key (reads history), shown once: ${result.auditorKey}\n${QUERIES}`);
  } catch (error) {
    bar.stop();
    if (error instanceof GraphqlRequestError && error.code === 'UNAUTHENTICATED' && config.adminKey === undefined) {
      throw new Error(`${config.dataDir} already has API keys: set REGISTRY_ADMIN_KEY to an ACCREDITATION_BODY key to load the demo into it`);
    }
    throw error;
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`npm run demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
