'use client';

// Last resort when the root layout itself fails; it renders its own document.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body>
        <main style={{ padding: 48, textAlign: 'center' }}>
          <h1>系统暂时无法访问</h1>
          <p>请稍后重试。如问题持续，请联系工委办公室。</p>
          <button type="button" onClick={reset}>
            重试
          </button>
        </main>
      </body>
    </html>
  );
}
