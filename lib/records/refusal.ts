import 'server-only';
import { forbidden } from 'next/navigation';
import { AppError } from '@/lib/errors';

/** For pages: a query's 403 (a record of another branch) becomes the 403 page. */
export async function refuseOutOfScope<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof AppError && error.status === 403) forbidden();
    throw error;
  }
}
