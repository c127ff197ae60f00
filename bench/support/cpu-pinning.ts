import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

/** Where row 4 runs: the servers on every core but the last, the load generator (this process) on the last. */
export interface Pinning {
  servers: string;
  loadGenerator: string;
  all: string;
}

/** The split on this machine, or null with fewer than two cores. */
export function pinning(): Pinning | null {
  const count = cpus().length;
  if (count < 2) return null;
  return { servers: count === 2 ? '0' : `0-${count - 2}`, loadGenerator: String(count - 1), all: `0-${count - 1}` };
}

/** Sets the CPU affinity of every thread of a process with util-linux's taskset; false where it cannot. */
export function pinProcess(pid: number, cpuList: string): boolean {
  try {
    execFileSync('taskset', ['--all-tasks', '--pid', '--cpu-list', cpuList, String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
