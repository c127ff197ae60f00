import { PERMISSIONS, assertPermitted, isPermitted } from './permissions';
import { RuleViolation } from './shared/rule-violation';

describe('permissions by role', () => {
  const commandTypes = Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[];

  it('lets the accreditation body manage schemes, accreditation, arrangements, keys and witnesses, and record what others decide on skills, and watch action plans, and nothing else', () => {
    const allowed = commandTypes.filter((type) => isPermitted(type, 'ACCREDITATION_BODY'));
    expect(allowed.sort()).toEqual(
      [
        'RegisterScheme',
        'AccreditCertificationBody', 'RenewAccreditation', 'ExtendAccreditationScope', 'ReduceAccreditationScope',
        'SuspendAccreditation', 'ReinstateAccreditation', 'WithdrawAccreditation',
        'SignArrangement', 'AdmitArrangementParty', 'WithdrawArrangementParty', 'AmendArrangementScope',
        'SuspendArrangement', 'ReinstateArrangement', 'TerminateArrangement',
        'CreateApiKey', 'RevokeApiKey',
        'RegisterWitness',
        'DeclareCertificateNumberPrefix',
        'EndorseAqrfReferencing', 'ValidatePriorityOccupation', 'LinkSchemeToQualification',
        'CreateWatch', 'RotateWatchSecret', 'DeleteWatch',
      ].sort(),
    );
  });

  it('lets a skills focal point draft its country\'s framework, referencing, qualifications, priorities and action plan, and watch action plans, and nothing else', () => {
    const allowed = commandTypes.filter((type) => isPermitted(type, 'SKILLS_FOCAL_POINT'));
    expect(allowed.sort()).toEqual(
      [
        'RegisterNationalFramework', 'AmendNationalFrameworkLevels', 'StartAqrfReferencing', 'AmendAqrfReferencing', 'SubmitAqrfReferencing',
        'RegisterNationalQualification', 'ProposePriorityOccupation',
        'AdoptActionPlan', 'AmendActionPlanTargets', 'AddActionPlanItem', 'ReportActionPlanProgress',
        'CreateWatch', 'RotateWatchSecret', 'DeleteWatch',
      ].sort(),
    );
  });

  it('refuses a skills focal point key that is not bound to a country', () => {
    expect(() => assertPermitted({ type: 'AdoptActionPlan', actor: { role: 'SKILLS_FOCAL_POINT', keyId: 'k' } })).toThrow(
      expect.objectContaining({ code: 'ACTOR_NOT_BOUND_TO_COUNTRY', kind: 'FORBIDDEN' }),
    );
  });

  it('lets an employer create, rotate and delete its watches, and nothing else', () => {
    expect(commandTypes.filter((type) => isPermitted(type, 'EMPLOYER')).sort()).toEqual(['CreateWatch', 'DeleteWatch', 'RotateWatchSecret']);
  });

  it('lets a certification body manage certificates, recognition decisions and its watches, and nothing else', () => {
    const allowed = commandTypes.filter((type) => isPermitted(type, 'CERTIFICATION_BODY'));
    expect(allowed.sort()).toEqual(
      [
        'IssueCertificate', 'CorrectCertificate', 'RenewCertificate', 'SuspendCertificate', 'ReinstateCertificate', 'WithdrawCertificate', 'CancelCertificate',
        'ApplyForRecognition', 'GrantRecognition', 'RefuseRecognition', 'RevokeRecognition',
        'CreateWatch', 'RotateWatchSecret', 'DeleteWatch',
      ].sort(),
    );
  });

  it('lets an auditor send no command at all', () => {
    expect(commandTypes.filter((type) => isPermitted(type, 'AUDITOR'))).toEqual([]);
  });

  it('refuses a command from a role not in its row as FORBIDDEN', () => {
    let thrown: unknown;
    try {
      assertPermitted({ type: 'IssueCertificate', actor: { role: 'AUDITOR', keyId: 'k' } });
    } catch (error: unknown) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RuleViolation);
    expect(thrown).toMatchObject({ code: 'ROLE_NOT_PERMITTED', kind: 'FORBIDDEN' });
  });

  it('refuses a certification-body key that is not bound to a CB', () => {
    expect(() => assertPermitted({ type: 'IssueCertificate', actor: { role: 'CERTIFICATION_BODY', keyId: 'k' } })).toThrow(
      expect.objectContaining({ code: 'ACTOR_NOT_BOUND_TO_CB', kind: 'FORBIDDEN' }),
    );
  });
});
