import { spawn } from 'node:child_process';

/** Runs a command with inherited output; resolves with its exit code. Signals reach the child. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

export const bin = (name: string) => `./node_modules/.bin/${name}`;

/** The portal's server (server.ts: Next.js behind the edge that resolves client addresses). */
export const serverCommand = { command: 'node', args: ['--import', 'tsx', 'server.ts'] } as const;
