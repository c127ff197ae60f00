import { Command, InvalidArgumentError } from 'commander';
import { initWitnessKey, witnessOnce, type WitnessOptions } from './witness/witness-round';

interface Options {
  registry: string;
  key: string;
  name: string;
  state?: string;
  registryKey?: string;
  init: boolean;
  once: boolean;
  interval: number;
}

const program = new Command('witness')
  .description(
    'Witnesses the registry: keeps the last checkpoint it co-signed, fetches each new one with a consistency proof,\n' +
      'verifies both, and posts a c2sp.org/tlog-cosignature. Refuses, and says why, on a fork or a rollback.\n' +
      'First run with --init: it creates the key and prints the verifier key the accreditation body registers (registerWitness).',
  )
  .requiredOption('--registry <url>', "the registry's base URL, e.g. https://registry.example.org")
  .requiredOption('--key <file>', 'the witness Ed25519 key (PKCS#8 PEM); created by --init')
  .requiredOption('--name <name>', 'the witness key name, e.g. witness.th-ftpi.example/w1')
  .option('--state <file>', 'the witness state (default: <key>.state.json)')
  .option('--registry-key <verifier key>', 'pin this registry key instead of the one published on first use')
  .option('--init', 'create the key if missing and print its verifier key', false)
  .option('--once', 'one round, then exit (0 co-signed or unchanged, 3 refused)', false)
  .option('--interval <seconds>', 'seconds between rounds', seconds, 10);

function seconds(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('must be a positive number');
  return parsed;
}

async function main(options: Options): Promise<number> {
  if (options.init) {
    process.stdout.write(`${initWitnessKey(options.key, options.name)}\n`);
    return 0;
  }
  const witness: WitnessOptions = {
    registry: options.registry.replace(/\/$/, ''),
    keyFile: options.key,
    name: options.name,
    stateFile: options.state ?? `${options.key}.state.json`,
    registryKey: options.registryKey,
  };
  for (;;) {
    const round = await witnessOnce(witness);
    const at = new Date().toISOString();
    if (round.kind === 'refused') {
      process.stdout.write(`${at} REFUSED to co-sign: ${round.reason}\n`);
      return 3;
    }
    process.stdout.write(round.kind === 'cosigned' ? `${at} co-signed the checkpoint of ${round.treeSize} leaves (consistent with ${round.fromSize})\n` : `${at} unchanged at ${round.treeSize} leaves\n`);
    if (options.once) return 0;
    await new Promise((resolve) => setTimeout(resolve, options.interval * 1000));
  }
}

main(program.parse().opts<Options>()).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`witness: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
