import sharp, { type OutputInfo, type Sharp } from 'sharp';
import type { ImageType } from './sniff';

// Re-encodes an uploaded image: orientation applied from EXIF, then every piece of metadata
// (EXIF with GPS, XMP, IPTC, ICC) dropped, because sharp writes none unless told to keep it.
// The main file keeps its format, bounded to MAIN_MAX_EDGE; responsive variants are WebP.
// Animated GIFs stay animated (all frames are read; variants are animated WebP): notices use
// them rarely, and a frozen first frame would silently change what the editor chose.

export const VARIANT_WIDTHS = [480, 960, 1600] as const;
const MAIN_MAX_EDGE = 2560;
/** Decoded size limit, all frames together: a small file that decodes to gigabytes is refused. */
export const MAX_INPUT_PIXELS = 50_000_000;

export type ProcessedImage = {
  main: { data: Buffer; mimeType: ImageType; ext: string; width: number; height: number };
  variants: { data: Buffer; width: number; height: number }[];
};

export class ImageRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageRejected';
  }
}

const EXT: Record<ImageType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' };

function encode(image: Sharp, type: ImageType): Sharp {
  switch (type) {
    case 'image/jpeg':
      return image.jpeg({ quality: 85, mozjpeg: true });
    case 'image/png':
      return image.png({ compressionLevel: 9 });
    case 'image/webp':
      return image.webp({ quality: 85 });
    case 'image/gif':
      return image.gif();
  }
}

/** Frame size: for an animated image sharp reports the height of all frames stacked. */
const frameHeight = (info: OutputInfo & { pageHeight?: number }) => info.pageHeight ?? info.height;

export async function processImage(input: Uint8Array, type: ImageType): Promise<ProcessedImage> {
  const animated = type === 'image/gif' || type === 'image/webp';
  const open = () => sharp(input, { animated, limitInputPixels: MAX_INPUT_PIXELS, failOn: 'warning', autoOrient: true });
  try {
    const main = await encode(open().resize({ width: MAIN_MAX_EDGE, height: MAIN_MAX_EDGE, fit: 'inside', withoutEnlargement: true }), type).toBuffer({
      resolveWithObject: true,
    });
    const width = main.info.width;
    const height = frameHeight(main.info);
    const variants = [];
    for (const w of VARIANT_WIDTHS.filter((v) => v < width)) {
      const out = await open().resize({ width: w }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
      variants.push({ data: out.data, width: out.info.width, height: frameHeight(out.info) });
    }
    return { main: { data: main.data, mimeType: type, ext: EXT[type], width, height }, variants };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/pixel limit/i.test(message)) {
      throw new ImageRejected(`图片像素过多（超过 ${MAX_INPUT_PIXELS / 10_000} 万像素），无法处理，请缩小后再上传。`);
    }
    throw new ImageRejected('图片文件已损坏或不完整，无法读取。');
  }
}
