import type { StepField } from './StepForm';
import { SEASON_NAME_MAX } from '@/lib/bookings/schemas';

/** The season form's fields, empty for a new season or filled with one's values. */
export function seasonFields(season: { name?: string; year: number; bookingOpensOn?: string; bookingClosesOn?: string }): StepField[] {
  return [
    { name: 'name', label: '季度名称', hint: '例如 2027年春季送课', maxLength: SEASON_NAME_MAX, required: true, defaultValue: season.name },
    { name: 'year', label: '年度', type: 'number', min: 2000, max: 2100, required: true, defaultValue: season.year },
    { name: 'bookingOpensOn', label: '预约开始日期', type: 'date', required: true, defaultValue: season.bookingOpensOn },
    { name: 'bookingClosesOn', label: '预约截止日期', type: 'date', required: true, defaultValue: season.bookingClosesOn },
  ];
}
