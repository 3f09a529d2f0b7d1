import { type BookingStatus, bookingStatuses } from '@/db/schema/lectures';

export { bookingStatuses };

export const bookingStatusLabels: Record<BookingStatus, string> = {
  requested: '待安排',
  scheduled: '已安排',
  declined: '未能安排',
  cancelled: '已取消',
  delivered: '已授课',
};

/** A season's booking window as it stands on `today`. */
export function windowState(season: { bookingOpensOn: string; bookingClosesOn: string }, today: string): '预约中' | '未开始' | '已截止' {
  if (today < season.bookingOpensOn) return '未开始';
  return today > season.bookingClosesOn ? '已截止' : '预约中';
}
