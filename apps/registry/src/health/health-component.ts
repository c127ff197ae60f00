/**
 * How one part of the registry stands. `degraded`: it serves, but an operator should look (or it is repairing
 * itself); `down`: this replica cannot serve. Ordered by SEVERITY, worst last: a new state (issue 12's
 * `tampered`) is one more entry there, and one more component (its checkpoint signer) one more provider.
 */
export type HealthStatus = 'up' | 'degraded' | 'down';

export const SEVERITY: Readonly<Record<HealthStatus, number>> = { up: 0, degraded: 1, down: 2 };

/** A component's report: its status, why when not `up` (sentences an operator can act on), and its figures. A
 * component whose `status` names a state of its own (the transparency log: `verified`, `tampered`) says how that
 * counts in `health`. */
export interface ComponentHealth {
  status: string;
  health?: HealthStatus;
  reasons?: string[];
  [detail: string]: unknown;
}

/** How a report counts towards the registry's status. */
export function healthOf(report: ComponentHealth): HealthStatus {
  return report.health ?? (report.status as HealthStatus);
}

export interface HealthComponent {
  /** The key of its report in the /health body. */
  readonly name: string;
  check(): Promise<ComponentHealth> | ComponentHealth;
}

/** Every HealthComponent /health reports on, in the order of its body. */
export const HEALTH_COMPONENTS = Symbol('HEALTH_COMPONENTS');

export function worst(statuses: readonly HealthStatus[]): HealthStatus {
  return statuses.reduce<HealthStatus>((worse, status) => (SEVERITY[status] > SEVERITY[worse] ? status : worse), 'up');
}
