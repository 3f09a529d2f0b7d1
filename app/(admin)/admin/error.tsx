'use client';

import { PageMessage } from '@/components/site/PageMessage';

export default function AdminError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <PageMessage
      title="操作未能完成"
      text="服务器处理请求时出现问题，您的数据没有丢失，请稍后重试。"
      action={
        <button type="button" className="button" onClick={reset}>
          重试
        </button>
      }
    />
  );
}
