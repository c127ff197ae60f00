import { recognitionStream } from '../streams';
import { EventLog } from '../testing/event-log';
import { granted, revoked } from '../testing/events';
import { currentDecision, decisionAt, evolveRecognitionDecisionTimeline } from './timeline';

const N = 'PS-TH-0001';

describe('the recognition decision timeline', () => {
  const log = new EventLog();
  const [grant, revocation, regrant] = log.record(
    granted(N, 'VN', 'MRA-APP', '2024-06-01'),
    revoked(N, 'VN', '2024-09-01'),
    granted(N, 'VN', 'MRA-APP', '2025-01-01'),
  );
  const timeline = log.decision(N, 'vn');

  it('answers the decision in force on any date', () => {
    if (!timeline) throw new Error('no timeline');
    expect(decisionAt(timeline, '2024-05-31')).toBeNull();
    expect(decisionAt(timeline, '2024-06-01')).toMatchObject({ decision: 'GRANTED', arrangementId: 'MRA-APP', ref: grant });
    expect(decisionAt(timeline, '2024-12-31')).toMatchObject({ decision: 'REVOKED', reason: 'not equivalent to national licence', ref: revocation });
    expect(decisionAt(timeline, '2025-01-01')).toMatchObject({ decision: 'GRANTED', ref: regrant });
    expect(currentDecision(timeline)?.ref).toEqual(regrant);
  });

  it('starts from a refusal as well as from a grant', () => {
    const refusal = revoked(N, 'MY', '2024-09-01');
    const ref = { stream: recognitionStream(N, 'MY'), revision: 0, position: '5', type: refusal.type };
    expect(evolveRecognitionDecisionTimeline(null, refusal, ref)).toMatchObject({ certificateNumber: N, country: 'MY', decisions: [{ decision: 'REVOKED' }] });
  });

  it('ignores a replayed event', () => {
    if (!timeline) throw new Error('no timeline');
    expect(evolveRecognitionDecisionTimeline(timeline, revoked(N, 'VN', '2024-09-01'), revocation)).toBe(timeline);
  });
});
