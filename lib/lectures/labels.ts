import { hallSeries, lectureFormats, lectureThemes, type HallSeries, type LectureFormat, type LectureTheme } from '@/db/schema/lectures';

// The catalog's code lists and their Chinese names, in the order readers see them.
export const themeLabels: Record<LectureTheme, string> = {
  party_history: '党史学习教育',
  theory: '理论武装',
  integrity: '廉洁文化',
  business_environment: '优化营商环境',
  conduct: '作风建设',
  revolutionary_tradition: '革命传统教育',
  party_building: '基层党建',
};

export const formatLabels: Record<LectureFormat, string> = {
  topical: '专题',
  staged: '情景',
  immersive: '沉浸式',
  on_site: '现场教学',
};

export const hallSeriesLabels: Record<HallSeries, string> = {
  monthly: '机关大讲堂',
  monday: '周一大讲堂',
};

export const themeOptions = lectureThemes.map((value) => ({ value, label: themeLabels[value] }));
export const formatOptions = lectureFormats.map((value) => ({ value, label: formatLabels[value] }));
export { hallSeries };

export const isLectureTheme = (value: unknown): value is LectureTheme => typeof value === 'string' && (lectureThemes as readonly string[]).includes(value);
export const isLectureFormat = (value: unknown): value is LectureFormat => typeof value === 'string' && (lectureFormats as readonly string[]).includes(value);

/** Ratings are shown only from this many on: fewer say more about one branch than about the lecture. */
export const MIN_RATINGS_SHOWN = 5;
