'use client';

import { PageMessage } from '@/components/site/PageMessage';

export default function PublicError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <PageMessage
      title="页面暂时无法显示"
      text="服务器处理请求时出现问题，请稍后重试。"
      action={
        <button type="button" className="button" onClick={reset}>
          重试
        </button>
      }
    />
  );
}
