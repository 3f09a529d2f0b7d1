import { certificateDownload } from '@/lib/training/certificates-route';

export const dynamic = 'force-dynamic';

/** A round's certificate list as an Excel workbook, within the reader's scope. */
export const GET = certificateDownload('xlsx');
