import type { CertificationBodyTimeline, SchemeTimeline } from '@registry/domain';
import type { RegistryReadModels } from '@registry/projections';

/** The directories a request's answers name, read once for the whole request (DataLoader-style), not per item. */
export type DirectoryLoader = {
  certificationBody(cbId: string): CertificationBodyTimeline | null;
  scheme(code: string): SchemeTimeline | null;
};

const LOADERS = new WeakMap<object, DirectoryLoader>();

/**
 * The request's loader: on first use it reads each directory (CBs, schemes: a few hundred documents, cached by the
 * read side) with one read-model lookup, and answers every item of the request from that index.
 */
export function directoryLoader(context: object, models: () => RegistryReadModels): DirectoryLoader {
  const existing = LOADERS.get(context);
  if (existing !== undefined) return existing;
  let bodies: Map<string, CertificationBodyTimeline> | null = null;
  let schemes: Map<string, SchemeTimeline> | null = null;
  const loader: DirectoryLoader = {
    certificationBody: (cbId) => (bodies ??= new Map(models().certificationBodies().map((body) => [body.cbId, body]))).get(cbId) ?? null,
    scheme: (code) => (schemes ??= new Map(models().schemes().map((scheme) => [scheme.code, scheme]))).get(code) ?? null,
  };
  LOADERS.set(context, loader);
  return loader;
}
