import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { verifyConsistency } from '../../libs/tlog/src/merkle';
import { COSIGNATURE_V1, cosignatureLine, formatVerifierKey, openNote, parseCheckpoint, parseVerifierKey, rawPublicKey } from '../../libs/tlog/src/note';

export interface WitnessOptions {
  /** The registry's base URL. */
  registry: string;
  keyFile: string;
  name: string;
  /** Where the witness keeps the last checkpoint it co-signed and the registry key it pinned. */
  stateFile: string;
  /** The registry's note verifier key; unset, the one published at /.well-known/registry-keys is pinned on first use. */
  registryKey?: string;
  now?: () => Date;
}

export interface WitnessState {
  registryKey: string;
  treeSize: number;
  rootHash: string;
}

export type WitnessRound =
  | { kind: 'cosigned'; treeSize: number; fromSize: number }
  | { kind: 'unchanged'; treeSize: number }
  | { kind: 'refused'; reason: string };

/** Generates the witness key (PKCS#8 PEM, 0600) unless the file exists; returns its verifier key for the
 * accreditation body to register. */
export function initWitnessKey(keyFile: string, name: string): string {
  if (!existsSync(keyFile)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(keyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  }
  return formatVerifierKey(name, rawPublicKey(loadKey(keyFile)), COSIGNATURE_V1);
}

function loadKey(keyFile: string): KeyObject {
  return createPrivateKey(readFileSync(keyFile));
}

/**
 * One round of witnessing: fetch the latest checkpoint, check the registry's signature, check it extends the
 * last one co-signed (a consistency proof, verified here), co-sign it and post the cosignature. Anything else —
 * a signature that fails, a smaller tree, a different root for the same size, a proof that fails — is a fork or
 * a rollback: refused, with the reason, and the state is left as it was.
 */
export async function witnessOnce(options: WitnessOptions): Promise<WitnessRound> {
  const key = loadKey(options.keyFile);
  const state = readState(options.stateFile);
  const registryKey = options.registryKey ?? state?.registryKey ?? (await publishedKey(options.registry));
  if (state !== null && state.registryKey !== registryKey) return { kind: 'refused', reason: 'the registry key differs from the one pinned in the state file' };
  const note = await text(`${options.registry}/checkpoint`);
  const opened = openNote(note, parseVerifierKey(registryKey));
  if (!opened.ok) return { kind: 'refused', reason: `the checkpoint is not signed by the registry key: ${opened.reason}` };
  const checkpoint = parseCheckpoint(opened.text);
  const root = checkpoint.rootHash.toString('base64');
  if (state !== null) {
    if (checkpoint.size < state.treeSize) {
      return { kind: 'refused', reason: `FORK or rollback: the registry now shows ${checkpoint.size} leaves, fewer than the ${state.treeSize} already co-signed` };
    }
    if (checkpoint.size === state.treeSize) {
      if (root !== state.rootHash) return { kind: 'refused', reason: `FORK: the checkpoint of ${checkpoint.size} leaves has another root than the one co-signed` };
      return { kind: 'unchanged', treeSize: checkpoint.size };
    }
    const proof = (await json(`${options.registry}/log/proof/consistency?fromSize=${state.treeSize}&toSize=${checkpoint.size}`)) as { hashes?: unknown };
    const hashes = Array.isArray(proof.hashes) ? proof.hashes.map((hash) => Buffer.from(String(hash), 'base64')) : [];
    const checked = verifyConsistency(state.treeSize, checkpoint.size, Buffer.from(state.rootHash, 'base64'), checkpoint.rootHash, hashes);
    if (!checked.ok) {
      return {
        kind: 'refused',
        reason: `FORK: the checkpoint of ${checkpoint.size} leaves does not extend the one of ${state.treeSize} leaves already co-signed (${checked.reason})`,
      };
    }
  }
  const timestamp = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  const cosignature = cosignatureLine(opened.text, options.name, key, timestamp);
  const posted = (await json(`${options.registry}/graphql`, {
    query: 'mutation($i: AddCheckpointCosignatureInput!) { addCheckpointCosignature(input: $i) { treeSize } }',
    variables: { i: { treeSize: checkpoint.size, cosignature } },
  })) as { errors?: Array<{ message: string }> };
  if (posted.errors?.length) return { kind: 'refused', reason: `the registry refused the cosignature: ${posted.errors[0].message}` };
  writeFileSync(options.stateFile, JSON.stringify({ registryKey, treeSize: checkpoint.size, rootHash: root } satisfies WitnessState), { mode: 0o600 });
  return { kind: 'cosigned', treeSize: checkpoint.size, fromSize: state?.treeSize ?? 0 };
}

function readState(file: string): WitnessState | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as WitnessState) : null;
}

async function publishedKey(registry: string): Promise<string> {
  const keys = (await json(`${registry}/.well-known/registry-keys`)) as { noteVerifierKey?: string };
  if (typeof keys.noteVerifierKey !== 'string') throw new Error('the registry publishes no note verifier key');
  return keys.noteVerifierKey;
}

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.text();
}

async function json(url: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
}
