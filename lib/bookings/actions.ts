'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { revalidatePublicLectures } from '@/lib/lectures/revalidate';
import { cancelBooking, declineBooking, rateBooking, requestBooking, scheduleBooking } from './commands';
import { confirmDelivery } from './delivery';
import { createSeason, setSeasonOffer, updateSeason } from './season-commands';
import {
  cancelBookingSchema,
  confirmDeliverySchema,
  createSeasonSchema,
  declineBookingSchema,
  rateBookingSchema,
  requestBookingSchema,
  scheduleBookingSchema,
  setSeasonOfferSchema,
  updateSeasonSchema,
} from './schemas';

// Seasons and offers show as "bookable" on the public catalog; a delivery and a rating change a
// lecture's public figures; the admin pages (bookings, records, compliance) read all of them.
const revalidateAdmin = () => revalidatePath('/admin', 'layout');
const revalidateAll = () => {
  revalidateAdmin();
  revalidatePublicLectures();
};

export const createSeasonAction = defineAction({
  permission: 'lectures.manage',
  schema: createSeasonSchema,
  run: createSeason,
  revalidate: revalidateAll,
  redirectTo: (_input, season) => `/admin/seasons/${season.id}?created=1`,
});

export const updateSeasonAction = defineAction({
  permission: 'lectures.manage',
  schema: updateSeasonSchema,
  run: updateSeason,
  revalidate: revalidateAll,
  successMessage: '送课季度已保存。',
});

export const setSeasonOfferAction = defineAction({
  permission: 'lectures.manage',
  schema: setSeasonOfferSchema,
  run: setSeasonOffer,
  revalidate: revalidateAll,
  successMessage: (r) => (r.offered ? `已将“${r.title}”列入${r.season}送课菜单。` : `已将“${r.title}”移出${r.season}送课菜单。`),
});

export const requestBookingAction = defineAction({
  permission: 'bookings.request',
  schema: requestBookingSchema,
  run: requestBooking,
  revalidate: revalidateAdmin,
  redirectTo: (_input, booking) => `/admin/bookings/${booking.id}?requested=1`,
});

export const scheduleBookingAction = defineAction({
  permission: 'bookings.schedule',
  schema: scheduleBookingSchema,
  run: scheduleBooking,
  revalidate: revalidateAdmin,
  successMessage: '已安排授课，预约单位可在送课预约中看到时间和讲师。',
});

export const declineBookingAction = defineAction({
  permission: 'bookings.schedule',
  schema: declineBookingSchema,
  run: declineBooking,
  revalidate: revalidateAdmin,
  successMessage: '已答复无法安排，并告知原因。',
});

export const cancelBookingAction = defineAction({
  permission: 'bookings.request',
  schema: cancelBookingSchema,
  run: cancelBooking,
  revalidate: revalidateAdmin,
  successMessage: '预约已取消。',
});

export const confirmDeliveryAction = defineAction({
  permission: 'bookings.request',
  schema: confirmDeliverySchema,
  run: confirmDelivery,
  revalidate: revalidateAll,
  redirectTo: (_input, booking) => `/admin/bookings/${booking.id}?delivered=1`,
});

export const rateBookingAction = defineAction({
  permission: 'bookings.request',
  schema: rateBookingSchema,
  run: rateBooking,
  revalidate: revalidateAll,
  successMessage: '感谢评价，评分已计入讲师和党课的统计。',
});
