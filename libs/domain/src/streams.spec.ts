import {
  STREAM_PREFIXES,
  apiKeyStream,
  arrangementStream,
  certificateStream,
  certificationBodyStream,
  recognitionStream,
  schemeStream,
  nationalFrameworkStream,
  nationalQualificationStream,
  schemeLinkStream,
  priorityOccupationStream,
  actionPlanStream,
} from './streams';

describe('stream names (a public contract)', () => {
  it('names each aggregate stream with its prefix and id', () => {
    expect(schemeStream('APO-PS 101:2023')).toBe('scheme-APO-PS 101:2023');
    expect(certificationBodyStream('TH-CB')).toBe('cb-TH-CB');
    expect(certificateStream('PS-0001')).toBe('certificate-PS-0001');
    expect(arrangementStream('MRA-1')).toBe('arrangement-MRA-1');
    expect(recognitionStream('PS-0001', 'MY')).toBe('recognition-PS-0001-MY');
    expect(apiKeyStream('k1')).toBe('apikey-k1');
    expect(nationalFrameworkStream('kh')).toBe('nqf-KH');
    expect(nationalQualificationStream('KH-COOK-2')).toBe('qualification-KH-COOK-2');
    expect(schemeLinkStream('VQ-COOK-2')).toBe('schemelink-VQ-COOK-2');
    expect(priorityOccupationStream('kh', 'COOK')).toBe('priority-KH-COOK');
    expect(actionPlanStream('la')).toBe('actionplan-LA');
  });

  it('puts every recognition decision on a country in one stream, whatever the case the country came in', () => {
    expect(recognitionStream('PS-0001', 'my')).toBe(recognitionStream('PS-0001', 'MY'));
  });

  it('exposes the prefixes for subscription filters, none a prefix of another', () => {
    const prefixes = Object.values(STREAM_PREFIXES);
    expect(prefixes).toEqual([
      'scheme-',
      'cb-',
      'certificate-',
      'arrangement-',
      'recognition-',
      'apikey-',
      'witness-',
      'watch-',
      'numberprefix-',
      'nqf-',
      'qualification-',
      'schemelink-',
      'priority-',
      'actionplan-',
    ]);
    for (const a of prefixes) for (const b of prefixes) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });
});
