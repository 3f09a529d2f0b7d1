import 'server-only';
import { revalidatePath } from 'next/cache';

/**
 * Drops every cached public lecture page and the home teaser. A catalog change (a title, a
 * lecturer's unit, a list) shows on many of them, and the whole set is small to re-render.
 * The filtered catalog (/lectures/find) is rendered per request and needs nothing.
 */
export function revalidatePublicLectures() {
  revalidatePath('/');
  revalidatePath('/(public)/lectures/[[...path]]', 'layout');
  revalidatePath('/(public)/lecturers/[[...path]]', 'layout');
}
