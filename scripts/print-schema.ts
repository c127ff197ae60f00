import { writeFileSync } from 'node:fs';
import { generatedSchema, SCHEMA_FILE } from './registry-schema';

// `npm run schema`: rewrites apps/registry/schema.graphql from the resolvers' decorators.
generatedSchema()
  .then((sdl) => {
    writeFileSync(SCHEMA_FILE, sdl);
    process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
