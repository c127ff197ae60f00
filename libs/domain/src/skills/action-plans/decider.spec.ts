import { accreditationBody, skillsFocalPoint } from '../../testing/actors';
import { deciderSpecification } from '../../testing/decider-specification';
import { skills } from '../testing/events';
import type { ActionPlanCommand } from './commands';
import { actionPlanAggregate } from './declaration';

// The declared aggregate's decider: the sender's role is checked before the rules, as the registry runs it.
const given = deciderSpecification(actionPlanAggregate.decider);
const kh = skillsFocalPoint('KH');
const adopted = skills.planAdopted('KH', '2015-08-11', ['TH', 'VN']);
const added = skills.itemAdded('KH', 'assessors', '2016-06-30');

const adopt = (targetCountries = ['TH', 'VN'], actor = kh): ActionPlanCommand => ({
  type: 'AdoptActionPlan',
  data: { country: 'KH', title: 'KH MRS action plan', targetCountries, adoptedOn: '2015-08-11' },
  actor,
});
const add = (itemId = 'assessors', dueOn = '2016-06-30'): ActionPlanCommand => ({
  type: 'AddActionPlanItem',
  data: { country: 'KH', itemId, kind: 'TRAIN_ASSESSORS', description: `item ${itemId}`, dueOn },
  actor: kh,
});
const report = (reportedOn: string, progress: 'IN_PROGRESS' | 'DONE' = 'IN_PROGRESS', actor = kh): ActionPlanCommand => ({
  type: 'ReportActionPlanProgress',
  data: { country: 'KH', itemId: 'assessors', progress, note: `report of ${reportedOn}`, reportedOn },
  actor,
});

describe('an action plan', () => {
  it('is adopted by the country\'s focal point with its target member states', () => {
    given([]).when(adopt()).then([adopted]);
    given([]).when(adopt(['KH'])).thenRejects('TARGET_IS_OWN_COUNTRY');
    given([]).when(adopt(['TH', 'TH'])).thenRejects('DUPLICATE_TARGET');
    given([]).when(adopt(['JP'])).thenRejects('NOT_ASEAN_MEMBER_STATE');
    given([]).when(adopt([])).thenRejects('TARGETS_EMPTY');
    given([]).when(adopt(['TH'], skillsFocalPoint('LA'))).thenRejects('NOT_OWN_COUNTRY', { kind: 'FORBIDDEN' });
    given([]).when(adopt(['TH'], accreditationBody)).thenRejects('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
  });

  it('takes items with due dates, each id once, due no earlier than the adoption', () => {
    given([adopted]).when(add()).then([added]);
    given([adopted, added]).when(add()).thenRejects('ACTION_ITEM_ID_TAKEN', { kind: 'CONFLICT' });
    given([adopted]).when(add('early', '2015-01-01')).thenRejects('DUE_BEFORE_ADOPTION', { field: 'dueOn' });
    given([]).when(add()).thenRejects('ACTION_PLAN_NOT_FOUND', { kind: 'NOT_FOUND' });
  });

  it('takes progress reports in date order until an item is done', () => {
    given([adopted, added]).when(report('2016-03-01')).then([skills.progressReported('KH', 'assessors', '2016-03-01', 'IN_PROGRESS')]);
    const done = [adopted, added, skills.progressReported('KH', 'assessors', '2016-05-01', 'DONE')];
    given(done).when(report('2016-06-01')).thenRejects('ACTION_ITEM_ALREADY_DONE');
    given([adopted, added, skills.progressReported('KH', 'assessors', '2016-05-01', 'IN_PROGRESS')])
      .when(report('2016-04-01'))
      .thenRejects('EFFECTIVE_DATE_BEFORE_LAST_CHANGE', { field: 'reportedOn' });
  });

  it('is reported on only by the country\'s own focal point', () => {
    given([adopted, added]).when(report('2016-03-01', 'DONE', skillsFocalPoint('TH'))).thenRejects('NOT_OWN_COUNTRY', { kind: 'FORBIDDEN' });
    given([adopted, added]).when(report('2016-03-01', 'DONE', accreditationBody)).thenRejects('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
  });
});

describe("amending an action plan's targets", () => {
  const amend = (targetCountries: string[], amendedOn = '2017-01-10', actor = kh, reason = 'Lao PDR joins as a target'): ActionPlanCommand => ({
    type: 'AmendActionPlanTargets',
    data: { country: 'KH', targetCountries, amendedOn, reason },
    actor,
  });
  const amended = { type: 'ActionPlanTargetsAmended' as const, data: { country: 'KH', targetCountries: ['TH', 'VN', 'LA'], amendedOn: '2017-01-10', reason: 'Lao PDR joins as a target' } };

  it("records the plan's new targets from a date, with the reason", () => {
    given([adopted]).when(amend(['TH', 'VN', 'LA'])).then([amended]);
  });

  it('holds the new targets to the rules of adoption', () => {
    given([adopted]).when(amend(['KH', 'TH'])).thenRejects('TARGET_IS_OWN_COUNTRY');
    given([adopted]).when(amend(['TH', 'TH'])).thenRejects('DUPLICATE_TARGET');
    given([adopted]).when(amend([])).thenRejects('TARGETS_EMPTY');
    given([adopted]).when(amend(['JP'])).thenRejects('NOT_ASEAN_MEMBER_STATE');
  });

  it('refuses an amendment that changes nothing, one dated before the last change, one without a reason, or before any plan', () => {
    given([adopted]).when(amend(['VN', 'TH'])).thenRejects('TARGETS_UNCHANGED', { field: 'targetCountries' });
    given([adopted, amended]).when(amend(['TH'], '2016-12-31')).thenRejects('EFFECTIVE_DATE_BEFORE_LAST_CHANGE', { field: 'amendedOn' });
    given([adopted]).when(amend(['TH'], '2017-01-10', kh, ' ')).thenRejects('FIELD_REQUIRED', { field: 'reason' });
    given([]).when(amend(['TH'])).thenRejects('ACTION_PLAN_NOT_FOUND', { kind: 'NOT_FOUND' });
  });

  it("is the country's own focal point's", () => {
    given([adopted]).when(amend(['TH'], '2017-01-10', skillsFocalPoint('LA'))).thenRejects('NOT_OWN_COUNTRY', { kind: 'FORBIDDEN' });
    given([adopted]).when(amend(['TH'], '2017-01-10', accreditationBody)).thenRejects('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
  });
});
