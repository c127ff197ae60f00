import { accreditationBody, auditor, certificationBody, employer, skillsFocalPoint } from '../testing/actors';
import { deciderSpecification } from '../testing/decider-specification';
import type { CreateWatch, DeleteWatch, RotateWatchSecret } from './commands';
import { watchAggregate } from './declaration';
import type { WatchCreated, WatchOwner, WatchTarget } from './events';

const URL = 'https://hr.example.com/registry-hook';
const PAIRS: WatchTarget = { kind: 'CERTIFICATES', certificates: [{ certificateNumber: 'TH-PS-2024-0001', country: 'my' }] };
const acme = employer('acme');

const create = (target: WatchTarget = PAIRS, actor = acme, url = URL): CreateWatch => ({ type: 'CreateWatch', data: { watchId: 'w-1', target, url }, actor });
const rotate = (actor = acme): RotateWatchSecret => ({ type: 'RotateWatchSecret', data: { watchId: 'w-1' }, actor });
const remove = (actor = acme): DeleteWatch => ({ type: 'DeleteWatch', data: { watchId: 'w-1' }, actor });

const created = (target: WatchTarget = { kind: 'CERTIFICATES', certificates: [{ certificateNumber: 'TH-PS-2024-0001', country: 'MY' }] }, owner: WatchOwner = { role: 'EMPLOYER', keyId: acme.keyId, cbId: null }): WatchCreated => ({
  type: 'WatchCreated',
  data: { watchId: 'w-1', owner, target, url: URL, secretVersion: 1 },
});

describe('Watches', () => {
  const given = deciderSpecification(watchAggregate.decider);

  it('an employer watches exact (certificate, country) questions, the country upper-cased, secret version 1', () => {
    given([]).when(create()).then([created()]);
  });

  it('a CB watches all its own certificates, or its certificates under an arrangement; owned by the CB, not the key', () => {
    const cb = certificationBody('th-ftpi');
    const owner = { role: 'CERTIFICATION_BODY' as const, keyId: cb.keyId, cbId: 'th-ftpi' };
    given([]).when(create({ kind: 'CERTIFICATION_BODY', cbId: 'th-ftpi' }, cb)).then([created({ kind: 'CERTIFICATION_BODY', cbId: 'th-ftpi' }, owner)]);
    given([]).when(create({ kind: 'ARRANGEMENT', arrangementId: 'apo-ps-mra-2024' }, cb)).then([created({ kind: 'ARRANGEMENT', arrangementId: 'apo-ps-mra-2024' }, owner)]);
    given([created({ kind: 'CERTIFICATION_BODY', cbId: 'th-ftpi' }, owner)])
      .when(rotate({ ...cb, keyId: 'another-key-of-th-ftpi' }))
      .then([{ type: 'WatchSecretRotated', data: { watchId: 'w-1', secretVersion: 2 } }]);
  });

  it('does not widen what the owner may see: no other CB, and no arrangement or CB for an employer', () => {
    given([]).when(create({ kind: 'CERTIFICATION_BODY', cbId: 'my-cb' }, certificationBody('th-ftpi'))).thenRejects('WATCH_TARGET_NOT_PERMITTED', { kind: 'FORBIDDEN', field: 'cbId' });
    given([]).when(create({ kind: 'CERTIFICATION_BODY', cbId: 'th-ftpi' })).thenRejects('WATCH_TARGET_NOT_PERMITTED', { kind: 'FORBIDDEN' });
    given([]).when(create({ kind: 'ARRANGEMENT', arrangementId: 'apo-ps-mra-2024' })).thenRejects('WATCH_TARGET_NOT_PERMITTED', { field: 'arrangementId' });
  });

  it('watches certificates for an employer or a CB only; an auditor creates no watch', () => {
    given([]).when(create(PAIRS, accreditationBody)).thenRejects('WATCH_TARGET_NOT_PERMITTED', { kind: 'FORBIDDEN' });
    given([]).when(create(PAIRS, skillsFocalPoint('KH'))).thenRejects('WATCH_TARGET_NOT_PERMITTED', { kind: 'FORBIDDEN' });
    given([]).when(create(PAIRS, auditor)).thenRejects('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
  });

  it("watches a country's action plan, or the region's: a focal point its own or the region's, the accreditation body and an employer any", () => {
    const kh = skillsFocalPoint('KH');
    const plan = (country: string | null): WatchTarget => ({ kind: 'ACTION_PLAN', country });
    const owner = (actor: { keyId: string }, role: WatchOwner['role']): WatchOwner => ({ role, keyId: actor.keyId, cbId: null });
    given([]).when(create(plan('kh'), kh)).then([created(plan('KH'), owner(kh, 'SKILLS_FOCAL_POINT'))]);
    given([]).when(create(plan(null), kh)).then([created(plan(null), owner(kh, 'SKILLS_FOCAL_POINT'))]);
    given([]).when(create(plan('LA'), accreditationBody)).then([created(plan('LA'), owner(accreditationBody, 'ACCREDITATION_BODY'))]);
    given([]).when(create(plan(null), acme)).then([created(plan(null), owner(acme, 'EMPLOYER'))]);
    given([]).when(create(plan('LA'), kh)).thenRejects('WATCH_TARGET_NOT_PERMITTED', { kind: 'FORBIDDEN', field: 'actionPlan.country' });
    given([]).when(create(plan('KH'), certificationBody('th-ftpi'))).thenRejects('WATCH_TARGET_NOT_PERMITTED', { field: 'actionPlan' });
    given([]).when(create(plan('JP'), acme)).thenRejects('NOT_ASEAN_MEMBER_STATE', { field: 'actionPlan.country' });
    given([created(plan('KH'), owner(kh, 'SKILLS_FOCAL_POINT'))]).when(remove(kh)).then([{ type: 'WatchDeleted', data: { watchId: 'w-1' } }]);
    given([created(plan('KH'), owner(kh, 'SKILLS_FOCAL_POINT'))]).when(remove(skillsFocalPoint('LA'))).thenRejects('NOT_OWN_WATCH');
  });

  it.each([
    ['not a URL', 'hr.example.com/hook'],
    ['another scheme', 'ftp://hr.example.com/hook'],
    ['a password in it', 'https://user:secret@hr.example.com/hook'],
    ['too long', `https://hr.example.com/${'a'.repeat(2100)}`],
  ])('refuses a webhook URL with %s', (_, url) => {
    given([]).when(create(PAIRS, acme, url)).thenRejects('WEBHOOK_URL_INVALID', { field: 'url' });
  });

  it('refuses an empty or oversized list, and a made-up country', () => {
    given([]).when(create({ kind: 'CERTIFICATES', certificates: [] })).thenRejects('FIELD_REQUIRED', { field: 'certificates' });
    const many = Array.from({ length: 51 }, (_, i) => ({ certificateNumber: `C-${i}`, country: 'MY' }));
    given([]).when(create({ kind: 'CERTIFICATES', certificates: many })).thenRejects('WATCH_TOO_LARGE', { field: 'certificates' });
    given([]).when(create({ kind: 'CERTIFICATES', certificates: [{ certificateNumber: 'C-1', country: 'XX' }] })).thenRejects('INVALID_COUNTRY');
  });

  it('refuses a second watch under the same id', () => {
    given([created()]).when(create()).thenRejects('WATCH_ID_TAKEN', { kind: 'CONFLICT' });
  });

  it("rotates and deletes only the owner's watch", () => {
    given([created()]).when(rotate()).then([{ type: 'WatchSecretRotated', data: { watchId: 'w-1', secretVersion: 2 } }]);
    given([created(), { type: 'WatchSecretRotated', data: { watchId: 'w-1', secretVersion: 2 } }]).when(rotate()).then([{ type: 'WatchSecretRotated', data: { watchId: 'w-1', secretVersion: 3 } }]);
    given([created()]).when(remove()).then([{ type: 'WatchDeleted', data: { watchId: 'w-1' } }]);
    given([created()]).when(remove(employer('other'))).thenRejects('NOT_OWN_WATCH', { kind: 'FORBIDDEN' });
    given([created()]).when(rotate(certificationBody('th-ftpi'))).thenRejects('NOT_OWN_WATCH');
    given([]).when(remove()).thenRejects('WATCH_NOT_FOUND', { kind: 'NOT_FOUND' });
    given([created(), { type: 'WatchDeleted', data: { watchId: 'w-1' } }]).when(remove()).thenRejects('WATCH_NOT_FOUND');
    given([]).when(rotate()).thenRejects('WATCH_NOT_FOUND');
  });
});
