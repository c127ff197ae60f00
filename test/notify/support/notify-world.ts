import { createHmac, timingSafeEqual } from 'node:crypto';
import { errorCodes, graphql, type GraphqlAnswer } from '../../hostile/support/graphql-calls';
import type { HttpClient } from '../../support/http-client';

export const ADMIN_KEY = 'notify-suite-admin-key-0123456789abcdef';
export const PS = 'APO-PS 101:2023';
export const TH_CB = 'th-ftpi';
export const MY_CB = 'my-mpc';
export const MRA = 'apo-ps-mra';

/** Today, as the registry's system clock has it. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const MUTATIONS: Record<string, string> = {
  registerScheme: 'registerScheme(input: $input) { position }',
  accreditCertificationBody: 'accreditCertificationBody(input: $input) { position }',
  signArrangement: 'signArrangement(input: $input) { position }',
  createApiKey: 'createApiKey(input: $input) { key keyId }',
  issueCertificate: 'issueCertificate(input: $input) { position }',
  suspendCertificate: 'suspendCertificate(input: $input) { position }',
  reinstateCertificate: 'reinstateCertificate(input: $input) { position }',
  withdrawArrangementParty: 'withdrawArrangementParty(input: $input) { position }',
  createWatch: 'createWatch(input: $input) { watchId secret position }',
  rotateWatchSecret: 'rotateWatchSecret(input: $input) { watchId secret position }',
  deleteWatch: 'deleteWatch(input: $input) { position }',
  suspendAccreditation: 'suspendAccreditation(input: $input) { position }',
  adoptActionPlan: 'adoptActionPlan(input: $input) { position }',
  addActionPlanItem: 'addActionPlanItem(input: $input) { position }',
  reportActionPlanProgress: 'reportActionPlanProgress(input: $input) { position }',
};

export function send(http: HttpClient, name: string, input: Record<string, unknown>, key: string): Promise<GraphqlAnswer> {
  return graphql(http, `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${MUTATIONS[name]} }`, { input }, key);
}

export async function must(http: HttpClient, name: string, input: Record<string, unknown>, key: string): Promise<Record<string, string>> {
  const answer = await send(http, name, input, key);
  if (answer.errors.length > 0) throw new Error(`${name} failed: ${errorCodes(answer).join(', ')} ${JSON.stringify(answer.errors)}`);
  return answer.data?.[name] as Record<string, string>;
}

export interface NotifyWorld {
  thKey: string;
  employerKey: string;
}

/** Two accredited CBs (TH, MY), an AUTOMATIC arrangement between them for PS, a TH key and an employer's key. */
export async function populate(http: HttpClient): Promise<NotifyWorld> {
  await must(http, 'registerScheme', { code: PS, title: 'Productivity Specialist' }, ADMIN_KEY);
  for (const [cbId, country] of [
    [TH_CB, 'TH'],
    [MY_CB, 'MY'],
  ]) {
    await must(http, 'accreditCertificationBody', { cbId, country, name: `${cbId} body`, scope: [PS], accreditedOn: '2023-01-01', validUntil: '2035-12-31' }, ADMIN_KEY);
  }
  await must(http, 'signArrangement', { id: MRA, title: 'APO PS MRA', parties: [TH_CB, MY_CB], schemes: [PS], mode: 'AUTOMATIC', effectiveFrom: '2023-06-01' }, ADMIN_KEY);
  const thKey = (await must(http, 'createApiKey', { role: 'CERTIFICATION_BODY', cbId: TH_CB, label: 'FTPI integration' }, ADMIN_KEY)).key;
  const employerKey = (await must(http, 'createApiKey', { role: 'EMPLOYER', label: 'Acme Hospital HR' }, ADMIN_KEY)).key;
  return { thKey, employerKey };
}

export function issue(http: HttpClient, number: string, thKey: string): Promise<Record<string, string>> {
  return must(http, 'issueCertificate', { number, cbId: TH_CB, schemeCode: PS, holderName: 'Siti Rahmawati', issuedOn: '2024-01-01', validUntil: '2034-12-31' }, thKey);
}

/** The receiver's check, written as the README tells receivers to: HMAC-SHA256 of "<t>.<body>", constant-time
 * compare, fresh t (`nowMs`: the receiver's time; a test that moves the registry's clock passes that clock's). */
export function signatureVerifies(secret: string, body: string, header: string, nowMs = Date.now()): boolean {
  const fields = Object.fromEntries(header.split(',').map((part) => part.split('=', 2)));
  const expected = createHmac('sha256', secret).update(`${fields.t}.${body}`).digest();
  const given = Buffer.from(String(fields.v1 ?? ''), 'hex');
  const fresh = Math.abs(nowMs / 1000 - Number(fields.t)) < 300;
  return fresh && given.length === expected.length && timingSafeEqual(given, expected);
}
