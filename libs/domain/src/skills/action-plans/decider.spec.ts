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
