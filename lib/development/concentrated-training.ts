import { daysBetween } from '@/lib/calendar/days';

// A completed concentrated round (集中培训) as the development file sees it: the day it ended
// and the days and class hours it proves. Pure; lib/development/training-link.ts loads the facts.

export type ConcentratedTraining = {
  traineeId: number;
  roundId: number;
  roundName: string;
  completedOn: string;
  days: number;
  hours: number;
  certificateNo: string | null;
};

/** What the database knows of one trainee of a round. */
export type TraineeFacts = {
  traineeId: number;
  roundId: number;
  roundName: string;
  completedOn: string;
  certificateNo: string | null;
  startsOn: string;
  endsOn: string;
  requiredHours: number;
  attendedHours: number;
  /** Distinct days of the sessions the trainee attended. */
  attendedDays: number;
  sessionCount: number;
};

/**
 * Days and hours by the training hours rule: the sessions attended when the round has sessions;
 * a round without sessions (recorded before sessions were) counts its span and required hours.
 */
export function concentratedTrainingOf(f: TraineeFacts): ConcentratedTraining {
  const bySessions = f.sessionCount > 0;
  return {
    traineeId: f.traineeId,
    roundId: f.roundId,
    roundName: f.roundName,
    completedOn: f.completedOn,
    days: bySessions ? f.attendedDays : daysBetween(f.startsOn, f.endsOn) + 1,
    hours: bySessions ? f.attendedHours : f.requiredHours,
    certificateNo: f.certificateNo,
  };
}

/** The file stores whole class hours: a half hour short of the next one does not count. */
export const wholeHours = (hours: number) => Math.floor(hours + 1e-9);

export const concentratedTrainingLabel = (t: ConcentratedTraining) => `${t.roundName}（${t.completedOn} 结业，${t.days} 天、${t.hours} 学时）`;
