import { markEdgeActive } from '@/lib/http/edge-flag';

// Requests in integration tests stand for requests that passed server.ts, which resolved the
// client address into X-Forwarded-For (the tests' mocked headers say 127.0.0.1).
markEdgeActive();
