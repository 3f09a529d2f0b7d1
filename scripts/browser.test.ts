import { describe, expect, it, vi } from 'vitest';
import { type BrowserProbes, chromiumCandidates, ensureBrowser, runBounded } from './browser';

type Machine = { present?: string | null; downloads?: boolean; root?: boolean; apt?: boolean; aptWorks?: boolean };

/** A fake machine: `find` answers what is installed so far; downloads and apt install what they say. */
function fakeMachine({ present = null, downloads = false, root = false, apt = false, aptWorks = true }: Machine) {
  let installed = present;
  const logs: string[] = [];
  const probes = {
    find: vi.fn(() => installed),
    download: vi.fn(async () => {
      if (downloads) installed = '/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
      return downloads;
    }),
    isRoot: vi.fn(() => root),
    hasAptGet: vi.fn(() => apt),
    aptInstall: vi.fn(async () => {
      if (aptWorks) installed = '/usr/bin/chromium';
      return aptWorks;
    }),
    log: (message: string) => logs.push(message),
  } satisfies BrowserProbes;
  return { probes, logs };
}

describe('ensureBrowser', () => {
  it('uses a Chromium that is already there and fetches nothing', async () => {
    const { probes, logs } = fakeMachine({ present: '/usr/bin/chromium', root: true, apt: true });
    expect(await ensureBrowser(probes)).toEqual({ via: 'present', path: '/usr/bin/chromium' });
    expect(probes.download).not.toHaveBeenCalled();
    expect(probes.aptInstall).not.toHaveBeenCalled();
    expect(logs).toEqual(['e2e: using Chromium at /usr/bin/chromium']);
  });

  it("downloads Playwright's Chromium first, even where apt-get could install one", async () => {
    const { probes, logs } = fakeMachine({ downloads: true, root: true, apt: true });
    expect(await ensureBrowser(probes)).toEqual({ via: 'download', path: expect.stringContaining('ms-playwright') });
    expect(probes.aptInstall).not.toHaveBeenCalled();
    expect(logs.at(-1)).toMatch(/^e2e: downloaded Playwright's Chromium: /);
  });

  it("installs Debian's chromium when the download fails and it runs as root with apt-get", async () => {
    const { probes, logs } = fakeMachine({ root: true, apt: true });
    expect(await ensureBrowser(probes)).toEqual({ via: 'apt', path: '/usr/bin/chromium' });
    expect(probes.download).toHaveBeenCalledOnce();
    expect(probes.aptInstall).toHaveBeenCalledOnce();
    expect(logs).toContain("e2e: Playwright's Chromium download failed.");
    expect(logs.at(-1)).toBe("e2e: installed Debian's chromium: /usr/bin/chromium");
  });

  it('does not trust a download that reports success but leaves no binary', async () => {
    const { probes } = fakeMachine({ root: true, apt: true });
    probes.download.mockResolvedValueOnce(true);
    expect(await ensureBrowser(probes)).toEqual({ via: 'apt', path: '/usr/bin/chromium' });
  });

  it('stops naming the sudo apt-get command when not root', async () => {
    const { probes, logs } = fakeMachine({ root: false, apt: true });
    expect(await ensureBrowser(probes)).toEqual({ via: 'none', command: 'sudo apt-get install -y chromium' });
    expect(probes.aptInstall).not.toHaveBeenCalled();
    expect(logs.at(-1)).toContain('Run `sudo apt-get install -y chromium`');
  });

  it('stops naming the apt-get command when the apt install fails', async () => {
    const { probes, logs } = fakeMachine({ root: true, apt: true, aptWorks: false });
    expect(await ensureBrowser(probes)).toEqual({ via: 'none', command: 'apt-get install -y chromium' });
    expect(logs).toContain("e2e: installing Debian's chromium failed.");
  });

  it("stops naming Playwright's installer where there is no apt-get", async () => {
    const { probes } = fakeMachine({ root: true, apt: false });
    expect(await ensureBrowser(probes)).toEqual({ via: 'none', command: 'npx playwright install chromium' });
    expect(probes.aptInstall).not.toHaveBeenCalled();
  });
});

describe('chromiumCandidates', () => {
  it('puts CHROMIUM_PATH first, then Debian, then Playwright', () => {
    expect(chromiumCandidates('/opt/chromium/chrome', '/pw/chrome')).toEqual(['/opt/chromium/chrome', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/pw/chrome']);
    expect(chromiumCandidates(undefined, '/pw/chrome')[0]).toBe('/usr/bin/chromium');
  });
});

describe('runBounded', () => {
  it('reports the exit status of a command', async () => {
    expect(await runBounded(process.execPath, ['-e', 'process.exit(0)'], 10_000)).toBe(true);
    expect(await runBounded(process.execPath, ['-e', 'process.exit(3)'], 10_000)).toBe(false);
    expect(await runBounded('/nonexistent/command', [], 10_000)).toBe(false);
  });

  it('stops a command that hangs, at the timeout', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const started = Date.now();
    expect(await runBounded(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], 300)).toBe(false);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
