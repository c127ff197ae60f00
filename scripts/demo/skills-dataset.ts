/**
 * The demo's ASEAN mutual recognition of skills (issue 17), drawn from shared/seeds 003 and 004 and public facts.
 *
 * What is sourced: the ten ASEAN member states; the number of levels of the frameworks that publish them
 * (Indonesia's KKNI has 9, the others 8); the dates of the Jakarta consultation/validation workshop
 * (24-25 September 2014), where employers' and workers' organisations validated the governments' proposals;
 * the Bangkok meeting of skills focal points (10-11 August 2015), where action plans were reviewed; the CLM
 * countries' aim to finish referencing against the AQRF in the selected sectors by 2015, and Thailand's offer to
 * train trainers and assessors for them; the names of the national employers' and workers' organisations.
 *
 * What is ILLUSTRATIVE (the seeds do not say, and it is marked "(illustrative)" in the recorded text): every
 * level-to-AQRF mapping and every referencing date; the priority occupations themselves (the seeds name sectors
 * in general only) and the exact dates of the 2013 proposals; the national qualification; the action plans'
 * target member states, items, due dates and progress reports.
 */
import type { DemoStep, Sender } from './demo-dataset';

const AB: Sender = { kind: 'accreditation-body' };
const focal = (country: string): Sender => ({ kind: 'skills-focal-point', country });

type Framework = {
  country: string;
  title: string;
  levels: number;
  /** The last step of the illustrative referencing. */
  reaches: 'none' | 'IN_PROGRESS' | 'SUBMITTED' | 'ENDORSED';
  startedOn?: string;
  submittedOn?: string;
  endorsedOn?: string;
};

const FRAMEWORKS: Framework[] = [
  { country: 'BN', title: 'Brunei Darussalam Qualifications Framework', levels: 8, reaches: 'ENDORSED', startedOn: '2016-03-01', submittedOn: '2018-11-01', endorsedOn: '2019-05-15' },
  { country: 'KH', title: 'Cambodia Qualifications Framework', levels: 8, reaches: 'ENDORSED', startedOn: '2014-03-01', submittedOn: '2015-11-20', endorsedOn: '2016-05-15' },
  { country: 'ID', title: 'Kerangka Kualifikasi Nasional Indonesia (KKNI)', levels: 9, reaches: 'ENDORSED', startedOn: '2015-01-15', submittedOn: '2019-10-01', endorsedOn: '2020-10-15' },
  { country: 'LA', title: 'Lao National Qualifications Framework', levels: 8, reaches: 'SUBMITTED', startedOn: '2015-02-01', submittedOn: '2016-09-30' },
  { country: 'MY', title: 'Malaysian Qualifications Framework', levels: 8, reaches: 'ENDORSED', startedOn: '2015-01-10', submittedOn: '2018-11-01', endorsedOn: '2019-05-15' },
  { country: 'MM', title: 'Myanmar National Qualifications Framework', levels: 8, reaches: 'IN_PROGRESS', startedOn: '2015-06-01' },
  { country: 'PH', title: 'Philippine Qualifications Framework', levels: 8, reaches: 'ENDORSED', startedOn: '2015-01-10', submittedOn: '2018-11-01', endorsedOn: '2019-05-15' },
  { country: 'SG', title: 'Singapore Workforce Skills Qualifications', levels: 8, reaches: 'none' },
  { country: 'TH', title: 'Thailand Professional Qualification Framework', levels: 8, reaches: 'ENDORSED', startedOn: '2014-09-01', submittedOn: '2015-06-30', endorsedOn: '2015-12-10' },
  { country: 'VN', title: 'Viet Nam Qualifications Framework', levels: 8, reaches: 'ENDORSED', startedOn: '2016-10-18', submittedOn: '2017-06-30', endorsedOn: '2018-02-01' },
];

/** Level n at AQRF level n; the KKNI's ninth level at AQRF 8. Illustrative. */
const referencesOf = (levels: number) =>
  Array.from({ length: levels }, (_, i) => ({ nqfLevel: i + 1, aqrfLevel: Math.min(i + 1, 8) }));

const frameworks: DemoStep[] = FRAMEWORKS.flatMap((framework): DemoStep[] => {
  const { country, title, levels } = framework;
  const by = focal(country);
  const steps: DemoStep[] = [
    {
      mutation: 'registerNationalFramework',
      sender: by,
      input: { country, title, levels: Array.from({ length: levels }, (_, i) => ({ level: i + 1, title: `Level ${i + 1}` })) },
    },
  ];
  if (framework.reaches === 'none') return steps;
  steps.push({ mutation: 'startAqrfReferencing', sender: by, input: { country, references: referencesOf(levels), startedOn: framework.startedOn } });
  if (framework.submittedOn) steps.push({ mutation: 'submitAqrfReferencing', sender: by, input: { country, submittedOn: framework.submittedOn } });
  if (framework.endorsedOn) steps.push({ mutation: 'endorseAqrfReferencing', sender: AB, input: { country, endorsedOn: framework.endorsedOn } });
  return steps;
});

/** Cambodia amends its referencing (level 4 re-described at AQRF 5) and is re-endorsed: the history shows both. */
const amendment: DemoStep[] = [
  {
    mutation: 'amendAqrfReferencing',
    sender: focal('KH'),
    input: {
      country: 'KH',
      references: referencesOf(8).map((r) => (r.nqfLevel === 4 ? { nqfLevel: 4, aqrfLevel: 5 } : r)),
      amendedOn: '2019-03-01',
      reason: 'Level 4 (technical and vocational certificate) re-described after the 2018 review (illustrative)',
    },
  },
  { mutation: 'submitAqrfReferencing', sender: focal('KH'), input: { country: 'KH', submittedOn: '2019-06-01' } },
  { mutation: 'endorseAqrfReferencing', sender: AB, input: { country: 'KH', endorsedOn: '2019-11-20' } },
];

const qualifications: DemoStep[] = [
  {
    mutation: 'registerNationalQualification',
    sender: focal('KH'),
    input: {
      id: 'KH-CQF-COOK-2',
      country: 'KH',
      title: 'Certificate II in Commis Cook (illustrative)',
      occupation: 'Cook',
      sector: 'Tourism',
      nqfLevel: 2,
      awardingBody: 'National Training Board, Cambodia',
    },
  },
];

const links = (hospitalityScheme: string): DemoStep[] => [
  // The demo's Front Office Associate scheme is referenced to AQRF level 3 directly.
  { mutation: 'linkSchemeToQualification', sender: AB, input: { schemeCode: hospitalityScheme, aqrfLevel: 3, linkedOn: '2025-01-01' } },
];

const EMPLOYERS: Record<string, string> = {
  KH: 'Cambodian Federation of Employers and Business Associations (CAMFEBA)',
  LA: 'Lao National Chamber of Commerce and Industry (LNCCI)',
  MM: 'Union of Myanmar Federation of Chambers of Commerce and Industry (UMFCCI)',
  TH: 'Employers\u2019 Confederation of Thailand (ECOT)',
  VN: 'Viet Nam Chamber of Commerce and Industry (VCCI)',
};
const WORKERS: Record<string, string> = {
  KH: 'Cambodian Labour Confederation (CLC)',
  LA: 'Lao Federation of Trade Unions (LFTU)',
  MM: 'Confederation of Trade Unions of Myanmar (CTUM)',
  TH: 'Thai Trade Union Congress (TTUC)',
  VN: 'Viet Nam General Confederation of Labour (VGCL)',
};

/** Occupations proposed by governments in 2013 and put to the social partners in Jakarta, 24-25 September 2014.
 * Illustrative: the seeds name no occupation. Myanmar's workers' organisation is left without a position, so
 * one occupation shows what a missing partner means. */
const PRIORITIES: Array<{ country: string; code: string; sector: string; occupation: string; workers: boolean }> = [
  { country: 'KH', code: 'COOK', sector: 'Tourism', occupation: 'Cook', workers: true },
  { country: 'KH', code: 'BRICKLAYER', sector: 'Construction', occupation: 'Bricklayer', workers: true },
  { country: 'LA', code: 'COOK', sector: 'Tourism', occupation: 'Cook', workers: true },
  { country: 'LA', code: 'WELDER', sector: 'Manufacturing', occupation: 'Welder', workers: true },
  { country: 'MM', code: 'COOK', sector: 'Tourism', occupation: 'Cook', workers: true },
  { country: 'MM', code: 'FRONT-OFFICE', sector: 'Tourism', occupation: 'Front office associate', workers: false },
  { country: 'TH', code: 'COOK', sector: 'Tourism', occupation: 'Cook', workers: true },
  { country: 'TH', code: 'FRONT-OFFICE', sector: 'Tourism', occupation: 'Front office associate', workers: true },
  { country: 'VN', code: 'FRONT-OFFICE', sector: 'Tourism', occupation: 'Front office associate', workers: true },
  { country: 'VN', code: 'BRICKLAYER', sector: 'Construction', occupation: 'Bricklayer', workers: true },
];

const priorities: DemoStep[] = PRIORITIES.flatMap(({ country, code, sector, occupation, workers }): DemoStep[] => [
  { mutation: 'proposePriorityOccupation', sender: focal(country), input: { country, code, sector, occupation, proposedOn: '2013-10-15' } },
  {
    mutation: 'validatePriorityOccupation',
    sender: AB,
    input: { country, code, partner: 'EMPLOYERS', organisation: EMPLOYERS[country], outcome: 'VALIDATED', validatedOn: '2014-09-24' },
  },
  ...(workers
    ? [
        {
          mutation: 'validatePriorityOccupation',
          sender: AB,
          input: { country, code, partner: 'WORKERS', organisation: WORKERS[country], outcome: 'VALIDATED', validatedOn: '2014-09-25' },
        },
      ]
    : []),
]);

type Item = { itemId: string; kind: string; description: string; dueOn: string; reports: Array<[string, 'IN_PROGRESS' | 'DONE', string]> };

/** The CLM countries' action plans, reviewed at the Bangkok meeting of 10-11 August 2015. Items, targets, due dates
 * and reports are illustrative; the kinds of item are the seeds' own. */
const PLANS: Array<{ country: string; targets: string[]; items: Item[] }> = [
  {
    country: 'KH',
    targets: ['TH', 'VN'],
    items: [
      { itemId: 'identify-skills', kind: 'IDENTIFY_SKILLS', description: 'Identify specific skills in the validated tourism and construction occupations (illustrative)', dueOn: '2015-06-30', reports: [['2015-06-20', 'DONE', 'Skills identified for cook and bricklayer (illustrative)']] },
      { itemId: 'reference-aqrf', kind: 'REFERENCE_QUALIFICATION', description: 'Finalize referencing against the AQRF in the selected sectors (illustrative)', dueOn: '2015-12-31', reports: [['2015-08-10', 'IN_PROGRESS', 'Draft referencing report (illustrative)'], ['2016-05-15', 'DONE', 'Referencing endorsed (illustrative)']] },
      { itemId: 'train-assessors', kind: 'TRAIN_ASSESSORS', description: 'Train assessors with the Department of Skill Development, Thailand (illustrative)', dueOn: '2016-06-30', reports: [['2016-04-30', 'DONE', '24 assessors trained (illustrative)']] },
      { itemId: 'arrangement-th', kind: 'SIGN_ARRANGEMENT', description: 'Sign a mutual recognition arrangement on cooks with Thailand (illustrative)', dueOn: '2027-12-31', reports: [['2025-11-01', 'IN_PROGRESS', 'Text under negotiation (illustrative)']] },
    ],
  },
  {
    country: 'LA',
    targets: ['TH', 'VN'],
    items: [
      { itemId: 'identify-skills', kind: 'IDENTIFY_SKILLS', description: 'Identify specific skills for cook and welder (illustrative)', dueOn: '2015-06-30', reports: [['2015-08-10', 'DONE', 'Reported at the Bangkok meeting (illustrative)']] },
      { itemId: 'reference-aqrf', kind: 'REFERENCE_QUALIFICATION', description: 'Finalize referencing against the AQRF in the selected sectors (illustrative)', dueOn: '2015-12-31', reports: [['2016-01-20', 'IN_PROGRESS', 'Referencing report in drafting (illustrative)']] },
      { itemId: 'train-assessors', kind: 'TRAIN_ASSESSORS', description: 'Train trainers and assessors in Thai vocational training institutions (illustrative)', dueOn: '2027-06-30', reports: [] },
    ],
  },
  {
    country: 'MM',
    targets: ['TH', 'MY'],
    items: [
      { itemId: 'identify-skills', kind: 'IDENTIFY_SKILLS', description: 'Identify specific skills in the tourism sector (illustrative)', dueOn: '2015-06-30', reports: [['2015-07-01', 'DONE', 'Done one day late (illustrative)']] },
      { itemId: 'reference-aqrf', kind: 'REFERENCE_QUALIFICATION', description: 'Finalize referencing against the AQRF (illustrative)', dueOn: '2015-12-31', reports: [['2015-08-10', 'IN_PROGRESS', 'National framework being drafted (illustrative)']] },
      { itemId: 'validate-workers', kind: 'OTHER', description: 'Obtain the workers\u2019 organisation\u2019s position on front office associate (illustrative)', dueOn: '2027-03-31', reports: [] },
    ],
  },
];

const plans: DemoStep[] = PLANS.flatMap(({ country, targets, items }): DemoStep[] => [
  {
    mutation: 'adoptActionPlan',
    sender: focal(country),
    input: { country, title: `${country} action plan on mutual recognition of skills (illustrative)`, targetCountries: targets, adoptedOn: '2014-09-25' },
  },
  ...items.map((item): DemoStep => ({
    mutation: 'addActionPlanItem',
    sender: focal(country),
    input: { country, itemId: item.itemId, kind: item.kind, description: item.description, dueOn: item.dueOn },
  })),
  ...items.flatMap((item) =>
    item.reports.map(([reportedOn, progress, note]): DemoStep => ({
      mutation: 'reportActionPlanProgress',
      sender: focal(country),
      input: { country, itemId: item.itemId, progress, note, reportedOn },
    })),
  ),
]);

/** A plan moves on: Myanmar names Cambodia as a further target member state (illustrative). */
const targetAmendment: DemoStep[] = [
  {
    mutation: 'amendActionPlanTargets',
    sender: focal('MM'),
    input: { country: 'MM', targetCountries: ['TH', 'MY', 'KH'], amendedOn: '2016-03-01', reason: 'Cambodia added as a target member state (illustrative)' },
  },
];

export function skillsSteps(hospitalityScheme: string): DemoStep[] {
  return [...frameworks, ...amendment, ...qualifications, ...links(hospitalityScheme), ...priorities, ...plans, ...targetAmendment];
}
