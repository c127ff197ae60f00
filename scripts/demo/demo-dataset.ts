/**
 * The demo registry, drawn from the source documents in shared/seeds: the ten countries of the 2024 Workshop
 * Meeting of Heads of APO Certification Bodies (Tokyo, 9-12 July 2024), the APO-PS 101:2023 and APO-GPS 201:2023
 * schemes, the Public-sector Productivity Specialist scheme (developed 2019), and an ASEAN skills qualification
 * referenced to the AQRF. Every step is a real mutation sent through the API with the key of the body that would
 * send it, so the demo exercises the same rules as production traffic.
 */

import { skillsSteps } from './skills-dataset';

/** Who sends a step: the accreditation body, a certification body by id, or a country's skills focal point. */
export type Sender =
  | { kind: 'accreditation-body' }
  | { kind: 'certification-body'; cbId: string }
  | { kind: 'skills-focal-point'; country: string };

export interface DemoStep {
  mutation: string;
  sender: Sender;
  input: Record<string, unknown>;
}

const AB: Sender = { kind: 'accreditation-body' };
const cb = (cbId: string): Sender => ({ kind: 'certification-body', cbId });

export const SCHEMES = {
  PS: 'APO-PS 101:2023',
  GPS: 'APO-GPS 201:2023',
  PSPS: 'APO-PSPS 301:2021',
  HOSPITALITY: 'ASEAN-MRS-FOH-L3',
} as const;

export const CERTIFICATION_BODIES = [
  { cbId: 'bd-npo', country: 'BD', name: 'National Productivity Organisation, Bangladesh' },
  { cbId: 'in-npc', country: 'IN', name: 'National Productivity Council, India' },
  { cbId: 'id-pdp', country: 'ID', name: 'Directorate of Productivity Development, Ministry of Manpower, Indonesia' },
  { cbId: 'my-mpc', country: 'MY', name: 'Malaysia Productivity Corporation' },
  { cbId: 'mn-mpo', country: 'MN', name: 'Mongolian Productivity Organization' },
  { cbId: 'pk-npo', country: 'PK', name: 'National Productivity Organization, Pakistan' },
  { cbId: 'sg-esg', country: 'SG', name: 'Enterprise Singapore' },
  { cbId: 'lk-nps', country: 'LK', name: 'National Productivity Secretariat, Sri Lanka' },
  { cbId: 'th-ftpi', country: 'TH', name: 'Foundation for Thailand Productivity Institute' },
  { cbId: 'vn-vnpi', country: 'VN', name: 'Vietnam National Productivity Institute' },
] as const;

const schemes: DemoStep[] = [
  { code: SCHEMES.PS, title: 'Requirements for Productivity Specialists', sector: 'Productivity' },
  { code: SCHEMES.GPS, title: 'Requirements for Green Productivity Specialists', sector: 'Green productivity' },
  { code: SCHEMES.PSPS, title: 'Public-sector Productivity Specialist Certification Scheme', sector: 'Public sector' },
  {
    code: SCHEMES.HOSPITALITY,
    title: 'Front Office Associate, referenced to the ASEAN Qualifications Reference Framework',
    sector: 'Tourism and hospitality',
    occupation: 'Front office associate',
    qualificationLevel: 3,
  },
].map((input) => ({ mutation: 'registerScheme', sender: AB, input }));

const scopeOf: Record<string, string[]> = {
  'bd-npo': [SCHEMES.PS, SCHEMES.PSPS],
  'in-npc': [SCHEMES.PS, SCHEMES.GPS],
  'id-pdp': [SCHEMES.PS, SCHEMES.GPS],
  'my-mpc': [SCHEMES.PS, SCHEMES.GPS, SCHEMES.PSPS],
  'mn-mpo': [SCHEMES.PS],
  'pk-npo': [SCHEMES.PS, SCHEMES.PSPS],
  'sg-esg': [SCHEMES.PS, SCHEMES.GPS],
  'lk-nps': [SCHEMES.PSPS],
  'th-ftpi': [SCHEMES.PS, SCHEMES.GPS, SCHEMES.PSPS, SCHEMES.HOSPITALITY],
  'vn-vnpi': [SCHEMES.PS, SCHEMES.HOSPITALITY],
};

const accreditations: DemoStep[] = CERTIFICATION_BODIES.map((body, i) => ({
  mutation: 'accreditCertificationBody',
  sender: AB,
  input: {
    cbId: body.cbId,
    name: body.name,
    country: body.country,
    scope: scopeOf[body.cbId],
    accreditedOn: i < 7 ? '2023-01-16' : '2024-02-01',
    validUntil: i < 7 ? '2027-01-15' : '2028-01-31',
  },
}));

const accreditationChanges: DemoStep[] = [
  {
    mutation: 'extendAccreditationScope',
    sender: AB,
    input: { cbId: 'sg-esg', schemes: [SCHEMES.PSPS], effectiveOn: '2025-03-01' },
  },
  {
    mutation: 'renewAccreditation',
    sender: AB,
    input: { cbId: 'th-ftpi', effectiveOn: '2026-06-30', validUntil: '2030-01-31' },
  },
  {
    mutation: 'suspendAccreditation',
    sender: AB,
    input: { cbId: 'mn-mpo', effectiveOn: '2026-09-01', reason: 'Surveillance audit found impartiality risks not yet addressed' },
  },
];

const arrangements: DemoStep[] = [
  {
    mutation: 'signArrangement',
    sender: AB,
    input: {
      id: 'apo-ps-mra-2024',
      title: 'MRA of APO Certification Bodies on Productivity Specialists',
      parties: ['th-ftpi', 'my-mpc', 'sg-esg', 'id-pdp', 'in-npc', 'vn-vnpi'],
      schemes: [SCHEMES.PS, SCHEMES.GPS],
      mode: 'AUTOMATIC',
      effectiveFrom: '2024-07-12',
    },
  },
  {
    mutation: 'admitArrangementParty',
    sender: AB,
    input: { id: 'apo-ps-mra-2024', cbId: 'mn-mpo', effectiveOn: '2025-06-01' },
  },
  {
    mutation: 'signArrangement',
    sender: AB,
    input: {
      id: 'apo-public-sector-mra-2025',
      title: 'MRA on Public-sector Productivity Specialists',
      parties: ['bd-npo', 'lk-nps', 'pk-npo', 'my-mpc', 'th-ftpi'],
      schemes: [SCHEMES.PSPS],
      mode: 'ON_APPLICATION',
      effectiveFrom: '2025-01-01',
      expiresOn: '2029-12-31',
      decisionPeriodDays: 60,
    },
  },
  {
    mutation: 'signArrangement',
    sender: AB,
    input: {
      id: 'asean-mrs-hospitality-2025',
      title: 'Mutual Recognition of Skills: Front Office (AQRF level 3), Thailand and Viet Nam',
      parties: ['th-ftpi', 'vn-vnpi'],
      schemes: [SCHEMES.HOSPITALITY],
      mode: 'ON_APPLICATION',
      effectiveFrom: '2025-08-11',
    },
  },
];

const issue = (cbId: string, input: Record<string, unknown>): DemoStep => ({
  mutation: 'issueCertificate',
  sender: cb(cbId),
  input: { cbId, ...input },
});

const certificates: DemoStep[] = [
  issue('th-ftpi', { number: 'TH-PS-2024-0001', schemeCode: SCHEMES.PS, holderName: 'Somchai Prasertsuk', issuedOn: '2024-03-15', validUntil: '2027-03-14' }),
  issue('my-mpc', { number: 'MY-GPS-2024-0002', schemeCode: SCHEMES.GPS, holderName: 'Nur Aisyah binti Rahman', issuedOn: '2024-09-02', validUntil: '2027-09-01' }),
  issue('sg-esg', { number: 'SG-PS-2023-0003', schemeCode: SCHEMES.PS, holderName: 'Tan Wei Ming', issuedOn: '2023-05-10', validUntil: '2026-05-09' }),
  issue('id-pdp', { number: 'ID-PS-2023-0004', schemeCode: SCHEMES.PS, holderName: 'Dewi Lestari', issuedOn: '2023-08-21', validUntil: '2026-08-20' }),
  issue('vn-vnpi', { number: 'VN-PS-2024-0005', schemeCode: SCHEMES.PS, holderName: 'Nguyễn Thị Lan', issuedOn: '2024-11-04', validUntil: '2027-11-03' }),
  issue('in-npc', { number: 'IN-PS-2023-0006', schemeCode: SCHEMES.PS, holderName: 'Priya Raghunathan', issuedOn: '2023-02-01', validUntil: '2026-01-31' }),
  issue('bd-npo', { number: 'BD-PSPS-2027-0007', schemeCode: SCHEMES.PSPS, holderName: 'Mohammad Rafiqul Islam', issuedOn: '2027-01-04', validUntil: '2030-01-03' }),
  issue('lk-nps', { number: 'LK-PSPS-2025-0008', schemeCode: SCHEMES.PSPS, holderName: 'Chamari Wickramasinghe', issuedOn: '2025-04-07', validUntil: '2028-04-06' }),
  issue('pk-npo', { number: 'PK-PSPS-2025-0009', schemeCode: SCHEMES.PSPS, holderName: 'Ayesha Siddiqui', issuedOn: '2025-02-17', validUntil: '2028-02-16' }),
  issue('mn-mpo', { number: 'MN-PS-2025-0010', schemeCode: SCHEMES.PS, holderName: 'Batbayar Ganbold', issuedOn: '2025-10-06', validUntil: '2028-10-05' }),
  issue('th-ftpi', { number: 'TH-FOH-2025-0011', schemeCode: SCHEMES.HOSPITALITY, holderName: 'Kanokwan Srisuk', issuedOn: '2025-09-15', validUntil: '2028-09-14' }),
  issue('vn-vnpi', { number: 'VN-PS-2024-0012', schemeCode: SCHEMES.PS, holderName: 'Trần Minh Quân', issuedOn: '2024-12-09', validUntil: '2027-12-08' }),
];

const lifecycle: DemoStep[] = [
  // Recertified before expiry: validity runs on without a gap.
  { mutation: 'renewCertificate', sender: cb('sg-esg'), input: { number: 'SG-PS-2023-0003', effectiveOn: '2026-04-20', validUntil: '2029-05-09' } },
  { mutation: 'suspendCertificate', sender: cb('sg-esg'), input: { number: 'SG-PS-2023-0003', effectiveOn: '2026-10-01', reason: 'Continuing professional development hours not reported' } },
  { mutation: 'suspendCertificate', sender: cb('id-pdp'), input: { number: 'ID-PS-2023-0004', effectiveOn: '2025-05-02', reason: 'Complaint under investigation' } },
  { mutation: 'withdrawCertificate', sender: cb('id-pdp'), input: { number: 'ID-PS-2023-0004', effectiveOn: '2025-07-15', reason: 'Breach of the code of conduct confirmed' } },
  { mutation: 'cancelCertificate', sender: cb('vn-vnpi'), input: { number: 'VN-PS-2024-0005', effectiveOn: '2025-01-20', reason: 'Issued in error: assessment record belonged to another candidate' } },
  { mutation: 'suspendCertificate', sender: cb('th-ftpi'), input: { number: 'TH-PS-2024-0001', effectiveOn: '2025-02-03', reason: 'Recertification evidence under review' } },
  { mutation: 'reinstateCertificate', sender: cb('th-ftpi'), input: { number: 'TH-PS-2024-0001', effectiveOn: '2025-03-10', reason: 'Evidence accepted' } },
];

const decisions: DemoStep[] = [
  // An application refused for a national requirement, and one to Thailand still waiting, past its decision period.
  { mutation: 'applyForRecognition', sender: cb('pk-npo'), input: { certificateNumber: 'PK-PSPS-2025-0009', country: 'MY', arrangementId: 'apo-public-sector-mra-2025', appliedOn: '2025-04-01' } },
  { mutation: 'refuseRecognition', sender: cb('my-mpc'), input: { certificateNumber: 'PK-PSPS-2025-0009', country: 'MY', decidedOn: '2025-05-02', reasonCode: 'NATIONAL_REQUIREMENT_NOT_MET', note: 'Public-sector practice in Malaysia requires registration with the national service commission' } },
  { mutation: 'applyForRecognition', sender: cb('lk-nps'), input: { certificateNumber: 'LK-PSPS-2025-0008', country: 'TH', arrangementId: 'apo-public-sector-mra-2025', appliedOn: '2025-11-03', note: 'Secondment to a Thai ministry planned for 2026' } },
  // A holder's name misspelt at issue, corrected: the history keeps both.
  { mutation: 'correctCertificate', sender: cb('my-mpc'), input: { number: 'MY-GPS-2024-0002', field: 'HOLDER_NAME', value: 'Nur Aisyah binti Abdul Rahman', reason: "Father's name omitted at issue" } },
  // Recognition on application: Sri Lanka's CB applies, Malaysia's grants within the 60-day decision period.
  { mutation: 'applyForRecognition', sender: cb('lk-nps'), input: { certificateNumber: 'LK-PSPS-2025-0008', country: 'MY', arrangementId: 'apo-public-sector-mra-2025', appliedOn: '2025-05-20', note: 'Three years of public-sector practice; assessment record attached' } },
  { mutation: 'grantRecognition', sender: cb('my-mpc'), input: { certificateNumber: 'LK-PSPS-2025-0008', country: 'MY', arrangementId: 'apo-public-sector-mra-2025', decidedOn: '2025-06-16', conditions: 'Supervised practice for the first six months' } },
  { mutation: 'grantRecognition', sender: cb('th-ftpi'), input: { certificateNumber: 'PK-PSPS-2025-0009', country: 'TH', arrangementId: 'apo-public-sector-mra-2025', decidedOn: '2025-05-05' } },
  { mutation: 'revokeRecognition', sender: cb('th-ftpi'), input: { certificateNumber: 'PK-PSPS-2025-0009', country: 'TH', decidedOn: '2026-03-02', reason: 'Conditions of recognition not met' } },
  { mutation: 'grantRecognition', sender: cb('vn-vnpi'), input: { certificateNumber: 'TH-FOH-2025-0011', country: 'VN', arrangementId: 'asean-mrs-hospitality-2025', decidedOn: '2025-10-01' } },
  // A host country's refusal under an AUTOMATIC arrangement: not recognized there from that date.
  { mutation: 'revokeRecognition', sender: cb('my-mpc'), input: { certificateNumber: 'VN-PS-2024-0012', country: 'MY', arrangementId: 'apo-ps-mra-2024', decidedOn: '2026-02-10', reason: 'Holder barred from practice in Malaysia' } },
];

export const DEMO_STEPS: readonly DemoStep[] = [
  ...schemes,
  ...accreditations,
  ...accreditationChanges,
  ...arrangements,
  ...certificates,
  ...lifecycle,
  ...decisions,
  ...skillsSteps(SCHEMES.HOSPITALITY),
];
