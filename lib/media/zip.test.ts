import { describe, expect, it } from 'vitest';
import { zipOf } from '@/test/fixtures/media';
import { zipEntryNames } from './zip';

describe('zipEntryNames', () => {
  it('lists the central directory, also behind an archive comment and with UTF-8 names', () => {
    expect(zipEntryNames(zipOf(['a.txt', 'word/document.xml']))).toEqual(['a.txt', 'word/document.xml']);
    expect(zipEntryNames(zipOf(['通知.txt'], 'a comment'))).toEqual(['通知.txt']);
    expect(zipEntryNames(zipOf([]))).toEqual([]);
  });

  it('answers null for anything malformed instead of reading out of bounds', () => {
    const zip = zipOf(['word/document.xml', '[Content_Types].xml']);
    expect(zipEntryNames(zip.subarray(0, zip.length - 5))).toBeNull(); // truncated end record
    expect(zipEntryNames(zip.subarray(0, 30))).toBeNull();
    expect(zipEntryNames(new Uint8Array(10))).toBeNull();

    const badOffset = Buffer.from(zip);
    badOffset.writeUInt32LE(0xfffffff0, badOffset.length - 6); // directory offset past the end
    expect(zipEntryNames(badOffset)).toBeNull();

    const tooMany = Buffer.from(zip);
    tooMany.writeUInt16LE(50, tooMany.length - 12); // more entries than the directory holds
    expect(zipEntryNames(tooMany)).toBeNull();

    const longName = Buffer.from(zip);
    const central = longName.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    longName.writeUInt16LE(60_000, central + 28); // a name running past the directory
    expect(zipEntryNames(longName)).toBeNull();
  });
});
