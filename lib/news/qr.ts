import 'server-only';
import QRCode from 'qrcode';

/** An SVG QR code of `url`, generated locally (no external service), for reading on a phone. */
export async function qrCodeSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, color: { dark: '#1f1f1f', light: '#ffffff' } });
}
