import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { animatedGif, GPS_MARKER, jpegWithGps, png, pngBomb } from '@/test/fixtures/media';
import { ImageRejected, processImage } from './image';

const everyFile = (r: Awaited<ReturnType<typeof processImage>>) => [r.main.data, ...r.variants.map((v) => v.data)];

describe('processImage', () => {
  it('applies the EXIF orientation, then drops all metadata (GPS included) from every file', async () => {
    const input = await jpegWithGps();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    expect(input.includes(GPS_MARKER)).toBe(true);

    const result = await processImage(input, 'image/jpeg');
    expect(result.main).toMatchObject({ mimeType: 'image/jpeg', ext: 'jpg', width: 1000, height: 2000 });
    expect(result.variants.map((v) => [v.width, v.height])).toEqual([
      [480, 960],
      [960, 1920],
    ]);
    for (const data of everyFile(result)) {
      const meta = await sharp(data).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(data.includes(GPS_MARKER)).toBe(false);
      expect(data.includes('LeakyCam')).toBe(false);
    }
    expect((await sharp(result.variants[0]!.data).metadata()).format).toBe('webp');
  });

  it('drops XMP and the ICC profile too', async () => {
    const input = await sharp(await png(600, 400)).withIccProfile('p3').withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/">XMP-MARKER</x:xmpmeta>').jpeg().toBuffer();
    expect(await sharp(input).metadata()).toMatchObject({ icc: expect.anything(), xmp: expect.anything() });
    for (const data of everyFile(await processImage(input, 'image/jpeg'))) {
      const meta = await sharp(data).metadata();
      expect([meta.icc, meta.xmp, meta.hasProfile]).toEqual([undefined, undefined, false]);
      expect(data.includes('XMP-MARKER')).toBe(false);
    }
  });

  it('makes no variant wider than the image, and bounds the main file', async () => {
    expect((await processImage(await png(400, 300), 'image/png')).variants).toEqual([]);
    const wide = await processImage(await png(3000, 1500), 'image/png');
    expect([wide.main.width, wide.main.height]).toEqual([2560, 1280]);
    expect(wide.variants.map((v) => v.width)).toEqual([480, 960, 1600]);
  });

  it('keeps a GIF animated, its variants as animated WebP', async () => {
    const result = await processImage(await animatedGif(600, 300, 3), 'image/gif');
    expect(result.main).toMatchObject({ mimeType: 'image/gif', width: 600, height: 300 });
    expect((await sharp(result.main.data, { animated: true }).metadata()).pages).toBe(3);
    const variant = await sharp(result.variants[0]!.data, { animated: true }).metadata();
    expect(variant).toMatchObject({ format: 'webp', pages: 3, width: 480, pageHeight: 240 });
  });

  it('refuses a decompression bomb and a truncated file with a message, not a crash', async () => {
    await expect(processImage(await pngBomb(), 'image/png')).rejects.toThrow(new ImageRejected('图片像素过多（超过 5000 万像素），无法处理，请缩小后再上传。'));
    const jpeg = await jpegWithGps(200, 100);
    await expect(processImage(jpeg.subarray(0, jpeg.length / 2), 'image/jpeg')).rejects.toThrow(new ImageRejected('图片文件已损坏或不完整，无法读取。'));
  });
});
