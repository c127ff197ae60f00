import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistryApp } from '../apps/registry/src/create-app';

/** Where the public contract is committed (npm scripts and jest run from the repository root). */
export const SCHEMA_FILE = join(process.cwd(), 'apps', 'registry', 'schema.graphql');

/** The SDL the code generates, from a throwaway app on an empty temporary store. */
export async function generatedSchema(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'registry-schema-'));
  const app = await createRegistryApp({ dataDir, logLevel: 'silent', adminKey: 'schema-printing-throwaway-key-0123456789' });
  try {
    await app.init();
    return `${printSchema(app.get(GraphQLSchemaHost).schema)}\n`;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
