// Demo 四季送课 seasons, branch bookings and 大讲堂 sessions (2025 and 2026), written from the
// work committee's year: seasonal booking windows, lectures sent to organs, a monthly lecture
// hall and a Monday series on the founding spirit and the New Fourth Army history.
import type { BookingStatus, HallSeries } from '@/db/schema/lectures';

export const seedSeasons = [
  { name: '2025年春季送课', year: 2025, bookingOpensOn: '2025-02-17', bookingClosesOn: '2025-03-31' },
  { name: '2025年夏季送课', year: 2025, bookingOpensOn: '2025-05-06', bookingClosesOn: '2025-06-30' },
  { name: '2025年秋季送课', year: 2025, bookingOpensOn: '2025-08-18', bookingClosesOn: '2025-09-30' },
  { name: '2025年冬季送课', year: 2025, bookingOpensOn: '2025-11-03', bookingClosesOn: '2025-12-15' },
  { name: '2026年春季送课', year: 2026, bookingOpensOn: '2026-02-16', bookingClosesOn: '2026-03-31' },
  { name: '2026年夏季送课', year: 2026, bookingOpensOn: '2026-05-06', bookingClosesOn: '2026-06-30' },
  { name: '2026年秋季送课', year: 2026, bookingOpensOn: '2026-08-17', bookingClosesOn: '2026-09-30' },
  { name: '2026年冬季送课', year: 2026, bookingOpensOn: '2026-11-02', bookingClosesOn: '2027-01-15' },
];

type SeedBooking = {
  lecture: string;
  season: string;
  /** Index into the roster branches (the demo secretary's branch is 0). */
  branch?: number;
  status: BookingStatus;
  requestedOn: string;
  preferredDates: string[];
  place: string;
  expectedAudience: number;
  scheduledOn?: string;
  attendance?: number;
  rating?: number;
  feedback?: string;
  declineReason?: string;
  cancelReason?: string;
  cancelledOn?: string;
};

const FOUNDING = '伟大建党精神的历史渊源与时代价值';
const IRON_ARMY = '铁军精神在江州：新四军抗战往事';

export const seedBookings: SeedBooking[] = [
  // The founding-spirit lecture went to five branches in 2025: five ratings, so its average shows.
  { lecture: FOUNDING, season: '2025年春季送课', branch: 0, status: 'delivered', requestedOn: '2025-03-03', preferredDates: ['2025-03-27'], place: '机关三楼会议室', expectedAudience: 35, scheduledOn: '2025-03-27', attendance: 36, rating: 5, feedback: '内容扎实，案例鲜活，党员反响好。' },
  { lecture: FOUNDING, season: '2025年春季送课', branch: 1, status: 'delivered', requestedOn: '2025-03-05', preferredDates: ['2025-03-20', '2025-03-21'], place: '局党员活动室', expectedAudience: 25, scheduledOn: '2025-03-20', attendance: 24, rating: 4, feedback: '史料丰富，时间稍紧。' },
  { lecture: FOUNDING, season: '2025年夏季送课', branch: 2, status: 'delivered', requestedOn: '2025-05-12', preferredDates: ['2025-06-18'], place: '机关报告厅', expectedAudience: 40, scheduledOn: '2025-06-18', attendance: 38, rating: 5, feedback: '结合岗位实际，启发很大。' },
  { lecture: FOUNDING, season: '2025年秋季送课', branch: 3, status: 'delivered', requestedOn: '2025-09-01', preferredDates: ['2025-09-24'], place: '二楼会议室', expectedAudience: 30, scheduledOn: '2025-09-24', attendance: 29, rating: 5 },
  { lecture: FOUNDING, season: '2025年冬季送课', branch: 4, status: 'delivered', requestedOn: '2025-11-10', preferredDates: ['2025-12-03'], place: '党员之家', expectedAudience: 20, scheduledOn: '2025-12-03', attendance: 21, rating: 4, feedback: '互动环节可再充分一些。' },
  // The immersive lecture: three ratings, too few to show an average.
  { lecture: IRON_ARMY, season: '2025年夏季送课', branch: 5, status: 'delivered', requestedOn: '2025-05-20', preferredDates: ['2025-06-25'], place: '机关大讲堂', expectedAudience: 120, scheduledOn: '2025-06-25', attendance: 132, rating: 5, feedback: '情景式讲授形式新颖。' },
  { lecture: IRON_ARMY, season: '2025年秋季送课', branch: 6, status: 'delivered', requestedOn: '2025-08-25', preferredDates: ['2025-09-18'], place: '局报告厅', expectedAudience: 60, scheduledOn: '2025-09-18', attendance: 57, rating: 4 },
  { lecture: IRON_ARMY, season: '2026年春季送课', branch: 7, status: 'delivered', requestedOn: '2026-02-24', preferredDates: ['2026-03-26'], place: '党员活动室', expectedAudience: 40, scheduledOn: '2026-03-26', attendance: 44, rating: 5 },
  { lecture: '机关党员如何当好营商环境“服务员”', season: '2026年春季送课', branch: 1, status: 'cancelled', requestedOn: '2026-03-20', preferredDates: ['2026-04-09'], place: '局党员活动室', expectedAudience: 30, scheduledOn: '2026-04-09', cancelReason: '因防汛值班取消，改期另约。', cancelledOn: '2026-04-05' },
  { lecture: '锲而不舍纠治“四风”', season: '2026年夏季送课', branch: 2, status: 'declined', requestedOn: '2026-06-20', preferredDates: ['2026-06-24'], place: '机关报告厅', expectedAudience: 80, declineReason: '主讲人当周已有安排，请改选秋季送课。' },
  { lecture: '档案里的初心', season: '2026年冬季送课', branch: 0, status: 'scheduled', requestedOn: '2026-11-05', preferredDates: ['2026-12-10', '2026-12-11'], place: '市档案馆展厅', expectedAudience: 30, scheduledOn: '2026-12-10' },
  // The demo secretary's branch: a lecture delivered in the autumn and not yet rated, one more
  // waiting to be scheduled in the open winter season (besides the scheduled one above).
  { lecture: '重走东乡抗战路', season: '2026年秋季送课', branch: 0, status: 'delivered', requestedOn: '2026-08-24', preferredDates: ['2026-09-17'], place: '机关三楼会议室', expectedAudience: 32, scheduledOn: '2026-09-17', attendance: 30 },
  { lecture: '把理论讲到群众心坎上', season: '2026年冬季送课', branch: 0, status: 'requested', requestedOn: '2026-11-24', preferredDates: ['2026-12-22', '2026-12-23'], place: '机关三楼会议室', expectedAudience: 28 },
  { lecture: '学思践悟党的创新理论', season: '2026年冬季送课', branch: 3, status: 'requested', requestedOn: '2026-11-18', preferredDates: ['2026-12-16', '2026-12-17'], place: '二楼会议室', expectedAudience: 25 },
];

type SeedHallSession = { series: HallSeries; startsAt: string; theme: string; speaker: string; place: string; capacity: number; classHours: number; article?: string };

export const seedHallSessions: SeedHallSession[] = [
  { series: 'monday', startsAt: '2025-05-19T09:00:00+08:00', theme: '伟大建党精神的历史渊源与时代价值', speaker: '陆文渊（中共江州市委党校教授）', place: '市行政中心报告厅', capacity: 450, classHours: 2, article: '2025-05-monday-lecture-founding-spirit' },
  { series: 'monthly', startsAt: '2025-06-05T14:30:00+08:00', theme: '清风江州：廉洁文化情景党课', speaker: '邵建业（市纪委监委党风政风监督室）', place: '机关大讲堂', capacity: 500, classHours: 3, article: '2025-06-integrity-education-month-launch' },
  { series: 'monthly', startsAt: '2025-08-13T14:30:00+08:00', theme: '铁军精神在江州：新四军抗战往事', speaker: '宋晓薇（江州师范学院历史文化学院）', place: '机关大讲堂', capacity: 500, classHours: 3, article: '2025-08-immersive-lecture-new-fourth-army' },
  { series: 'monday', startsAt: '2025-09-15T09:00:00+08:00', theme: '优化营商环境中的机关担当', speaker: '裴思敏（市发展和改革委员会）', place: '市行政中心报告厅', capacity: 450, classHours: 2 },
  { series: 'monday', startsAt: '2026-11-16T09:00:00+08:00', theme: '党内法规与机关日常工作', speaker: '林书瑶（江州职业技术学院）', place: '市行政中心报告厅', capacity: 450, classHours: 2 },
  { series: 'monday', startsAt: '2026-12-14T09:00:00+08:00', theme: '学思践悟党的创新理论', speaker: '钟静宜（中共江州市委党校副教授）', place: '市行政中心报告厅', capacity: 450, classHours: 2 },
  { series: 'monthly', startsAt: '2026-12-23T14:30:00+08:00', theme: '档案里的初心', speaker: '柯雨晴（江州市档案馆）', place: '机关大讲堂', capacity: 300, classHours: 3 },
  { series: 'monday', startsAt: '2027-01-11T09:00:00+08:00', theme: '把理论讲到群众心坎上', speaker: '顾明川（江州大学马克思主义学院）', place: '市行政中心报告厅', capacity: 450, classHours: 2 },
];
