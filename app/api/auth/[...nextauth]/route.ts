import { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/auth';
import { withoutForeignCallbackUrl } from '@/lib/auth/callback-url';

const rebuild = (request: NextRequest) => (url: URL, headers: Headers) =>
  new NextRequest(url, { method: request.method, headers, body: request.body, duplex: 'half' } as ConstructorParameters<typeof NextRequest>[1]);

export const GET = (request: NextRequest) => handlers.GET(withoutForeignCallbackUrl(request, rebuild(request)));
export const POST = (request: NextRequest) => handlers.POST(withoutForeignCallbackUrl(request, rebuild(request)));
