import type { MemberStatus } from '@/db/schema/people';

// How people's data is named and shown; pure, shared by lists, detail pages and forms.

export const memberStatusLabels: Record<MemberStatus, string> = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  development_target: '发展对象',
  probationary: '预备党员',
  full_member: '正式党员',
};

/** Members first, then the stages before membership, latest first. */
export const memberStatusOrder: readonly MemberStatus[] = ['full_member', 'probationary', 'development_target', 'activist', 'applicant'];

export const genderLabels = { male: '男', female: '女' } as const;

/** Statuses of people who have joined the Party, and so have a 入党时间. */
export const memberSinceStatuses: readonly MemberStatus[] = ['probationary', 'full_member'];

/**
 * A phone number for lists: a mobile keeps its first 3 and last 4 digits (138****1234); any
 * other number keeps only its last 4. Empty stays empty.
 */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const digits = phone.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${'*'.repeat(Math.min(digits.length - 4, 8))}${digits.slice(-4)}`;
}
