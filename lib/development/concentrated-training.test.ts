import { describe, expect, it } from 'vitest';
import { concentratedTrainingLabel, concentratedTrainingOf, type TraineeFacts, wholeHours } from './concentrated-training';

const facts: TraineeFacts = {
  traineeId: 7,
  roundId: 3,
  roundName: '2026年第一期发展对象集中培训班',
  completedOn: '2026-03-18',
  certificateNo: 'FZ2026-0001',
  startsOn: '2026-03-16',
  endsOn: '2026-03-20',
  requiredHours: 24,
  attendedHours: 16.5,
  attendedDays: 2,
  sessionCount: 3,
};

describe('a concentrated training record', () => {
  it('counts the days and hours of the sessions attended when the round has sessions', () => {
    expect(concentratedTrainingOf(facts)).toEqual({ traineeId: 7, roundId: 3, roundName: facts.roundName, completedOn: '2026-03-18', days: 2, hours: 16.5, certificateNo: 'FZ2026-0001' });
  });

  it('counts the round’s span and required hours when it has no sessions', () => {
    expect(concentratedTrainingOf({ ...facts, sessionCount: 0, attendedDays: 0, attendedHours: 0 })).toMatchObject({ days: 5, hours: 24 });
    expect(concentratedTrainingOf({ ...facts, sessionCount: 0, endsOn: '2026-03-16' })).toMatchObject({ days: 1 });
  });

  it('labels the option with the round, the completion day, the days and the hours', () => {
    expect(concentratedTrainingLabel(concentratedTrainingOf(facts))).toBe('2026年第一期发展对象集中培训班（2026-03-18 结业，2 天、16.5 学时）');
  });

  it('stores whole hours only', () => {
    expect(wholeHours(23.5)).toBe(23);
    expect(wholeHours(24)).toBe(24);
    expect(wholeHours(0.1 + 0.2 + 23.7)).toBe(24);
  });
});
