import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';

/** Links to the previous, this and the next year's list of an admin page. */
export function YearSwitch({ base, year, label }: { base: string; year: number; label: string }) {
  return (
    <nav aria-label={`${label}年度`} className={ui.toolbar}>
      <Link href={`${base}?year=${year - 1}`}>← {year - 1}年度</Link>
      <strong aria-current="page">
        {year}年度{label}
      </strong>
      <Link href={`${base}?year=${year + 1}`}>{year + 1}年度 →</Link>
    </nav>
  );
}
