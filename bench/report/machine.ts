import { cpus, loadavg, release, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  node: string;
  os: string;
  /** 1-minute load averages when the run began and ended: above the core count, other work shared the machine. */
  loadAverage: { start: number; end: number };
}

/** The 1-minute load average now. */
export function loadNow(): number {
  return loadavg()[0];
}

export function describeMachine(loadAtStart: number): Machine {
  const all = cpus();
  return {
    cpu: all[0]?.model.trim() ?? 'unknown',
    cores: all.length,
    memoryBytes: totalmem(),
    node: process.version,
    os: `${process.platform} ${release()}`,
    loadAverage: { start: loadAtStart, end: loadNow() },
  };
}
