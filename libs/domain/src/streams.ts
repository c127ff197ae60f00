import { normalizeCountry } from './shared/countries';

/**
 * Stream names are a public contract (stored data, subscriptions filtered by prefix, the `history` query):
 * every stream name in the project comes from one of these functions, and none is ever renamed.
 */
export const STREAM_PREFIXES = {
  scheme: 'scheme-',
  certificationBody: 'cb-',
  certificate: 'certificate-',
  arrangement: 'arrangement-',
  recognition: 'recognition-',
  apiKey: 'apikey-',
  witness: 'witness-',
  watch: 'watch-',
  certificateNumberPrefix: 'numberprefix-',
  // ASEAN mutual recognition of skills (libs/domain/src/skills)
  nationalFramework: 'nqf-',
  nationalQualification: 'qualification-',
  schemeLink: 'schemelink-',
  priorityOccupation: 'priority-',
  actionPlan: 'actionplan-',
} as const;

export const SCHEME_STREAM_PREFIX = STREAM_PREFIXES.scheme;
export const CERTIFICATION_BODY_STREAM_PREFIX = STREAM_PREFIXES.certificationBody;
export const CERTIFICATE_STREAM_PREFIX = STREAM_PREFIXES.certificate;
export const ARRANGEMENT_STREAM_PREFIX = STREAM_PREFIXES.arrangement;
export const RECOGNITION_STREAM_PREFIX = STREAM_PREFIXES.recognition;
export const API_KEY_STREAM_PREFIX = STREAM_PREFIXES.apiKey;
export const WITNESS_STREAM_PREFIX = STREAM_PREFIXES.witness;

export function schemeStream(code: string): string {
  return `${SCHEME_STREAM_PREFIX}${code}`;
}

export function certificationBodyStream(id: string): string {
  return `${CERTIFICATION_BODY_STREAM_PREFIX}${id}`;
}

export function certificateStream(number: string): string {
  return `${CERTIFICATE_STREAM_PREFIX}${number}`;
}

export function arrangementStream(id: string): string {
  return `${ARRANGEMENT_STREAM_PREFIX}${id}`;
}

/** The country is upper-cased so 'th' and 'TH' are the same decision stream. */
export function recognitionStream(certificateNumber: string, country: string): string {
  return `${RECOGNITION_STREAM_PREFIX}${certificateNumber}-${normalizeCountry(country)}`;
}

export function apiKeyStream(keyId: string): string {
  return `${API_KEY_STREAM_PREFIX}${keyId}`;
}

/** A witness of the log, by its key name (e.g. `witness.example.org/w1`). */
export function witnessStream(name: string): string {
  return `${WITNESS_STREAM_PREFIX}${name}`;
}

/** A watch: who is told, through which webhook, when which answers change. */
export function watchStream(watchId: string): string {
  return `${STREAM_PREFIXES.watch}${watchId}`;
}

/** A certificate-number prefix declared for one CB (upper-cased: prefixes are compared without regard to case). */
export function certificateNumberPrefixStream(prefix: string): string {
  return `${STREAM_PREFIXES.certificateNumberPrefix}${prefix.toUpperCase()}`;
}

/** A country's national qualifications framework and its referencing to the AQRF: one stream per country. */
export function nationalFrameworkStream(country: string): string {
  return `${STREAM_PREFIXES.nationalFramework}${normalizeCountry(country)}`;
}

export function nationalQualificationStream(id: string): string {
  return `${STREAM_PREFIXES.nationalQualification}${id}`;
}

/** Where a scheme sits among qualifications: linked to a national qualification or directly to an AQRF level. */
export function schemeLinkStream(schemeCode: string): string {
  return `${STREAM_PREFIXES.schemeLink}${schemeCode}`;
}

/** One priority occupation proposed by one country's government, with its social partners' validations. */
export function priorityOccupationStream(country: string, code: string): string {
  return `${STREAM_PREFIXES.priorityOccupation}${normalizeCountry(country)}-${code}`;
}

/** A country's action plan for mutual recognition of skills, its items and their progress reports. */
export function actionPlanStream(country: string): string {
  return `${STREAM_PREFIXES.actionPlan}${normalizeCountry(country)}`;
}
