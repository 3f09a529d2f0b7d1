import type { trainingRounds } from '@/db/schema/training';
import type { KeysetPage } from '@/lib/pagination/keyset';

export type RoundRow = typeof trainingRounds.$inferSelect;

export type RoundListItem = Pick<RoundRow, 'id' | 'name' | 'kind' | 'audience' | 'startsOn' | 'endsOn' | 'requiredHours' | 'organizer' | 'place'> & {
  trainees: number;
  completed: number;
};
export type RoundList = KeysetPage<RoundListItem>;

export type SessionItem = { id: number; heldOn: string; hours: number; topic: string; teacher: string | null; version: number; present: number };

export type TraineeItem = {
  id: number;
  personId: number;
  name: string;
  branchId: number;
  branchName: string;
  attendedHours: number;
  completed: boolean;
  completedOn: string | null;
  certificateNo: string | null;
  version: number;
};

export type TraineePage = { items: TraineeItem[]; total: number; completed: number; page: number; pageCount: number; pageSize: number };

export type RoundDetail = { round: RoundRow; sessions: SessionItem[]; trainees: TraineePage };
