import type { Actor } from '../shared/actor';

/** Loads: scheme-<code>. No facts. */
export type RegisterScheme = {
  type: 'RegisterScheme';
  data: {
    code: string;
    title: string;
    sector?: string | null;
    occupation?: string | null;
    qualificationLevel?: number | null;
  };
  actor: Actor;
};

export type SchemeCommand = RegisterScheme;
