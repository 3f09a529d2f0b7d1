import type { Metadata, Viewport } from 'next';
import { env } from '@/lib/env';
import { site } from '@/lib/site';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
  title: { default: site.name, template: `%s - ${site.name}` },
  description: site.description,
};

export const viewport: Viewport = {
  themeColor: '#b3121b',
  width: 'device-width',
  initialScale: 1,
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
