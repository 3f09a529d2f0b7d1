import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nginxBinary } from '../../scripts/cluster';

// The site files shipped for Debian/systemd (deploy/portal/) and for compose
// (deploy/compose/portal/) are copied to servers as they are; the cluster tests write their own.
// Here nginx itself checks each set with deploy/nginx.conf the way each layout includes them:
// conf.d/portal.conf inside http {}, the three small files from portal/ beside it. Only what
// would touch this machine is moved into a temporary directory: the cache and log paths, and
// the compose service names, which resolve on the compose network only.

const root = path.resolve(import.meta.dirname, '..', '..');
const nginx = nginxBinary();
const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function layout(siteFiles: string, rewrite: (text: string, dir: string) => string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-nginx-check-'));
  made.push(dir);
  for (const sub of ['conf.d', 'portal', 'cache', 'log', 'temp']) fs.mkdirSync(path.join(dir, sub));
  fs.copyFileSync(path.join(root, 'deploy', 'nginx.conf'), path.join(dir, 'conf.d', 'portal.conf'));
  const copied: Record<string, string> = {};
  for (const name of ['cache.conf', 'listen.conf', 'upstreams.conf']) {
    const text = rewrite(fs.readFileSync(path.join(root, siteFiles, name), 'utf8'), dir);
    fs.writeFileSync(path.join(dir, 'portal', name), text);
    copied[name] = text;
  }
  const mimeTypes = fs.existsSync('/etc/nginx/mime.types') ? 'include /etc/nginx/mime.types;' : '';
  // As Debian's and the nginx image's own nginx.conf: conf.d/*.conf inside http {}.
  const user = process.getuid?.() === 0 ? `user ${os.userInfo().username};` : '';
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `${user}
worker_processes auto;
pid ${dir}/nginx.pid;
events { worker_connections 768; }
http {
    ${mimeTypes}
    default_type application/octet-stream;
    sendfile on;
    access_log ${dir}/log/access.log;
    client_body_temp_path ${dir}/temp/body;
    proxy_temp_path ${dir}/temp/proxy;
    fastcgi_temp_path ${dir}/temp/fastcgi;
    uwsgi_temp_path ${dir}/temp/uwsgi;
    scgi_temp_path ${dir}/temp/scgi;
    include conf.d/*.conf;
}
`,
  );
  return { dir, copied };
}

/** `nginx -T`: tests the configuration and prints it whole, each included file with it. */
function check(dir: string) {
  const result = spawnSync(nginx!, ['-T', '-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'log', 'error.log')], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const movePaths = (text: string, dir: string) => text.replaceAll('/var/cache/nginx/portal', `${dir}/cache`).replaceAll('/var/log/nginx/', `${dir}/log/`);

describe.skipIf(!nginx)('the shipped nginx site files', () => {
  it('Debian/systemd (deploy/portal/) pass nginx -t with deploy/nginx.conf', () => {
    const { dir, copied } = layout('deploy/portal', movePaths);
    const { status, output } = check(dir);
    expect(output).toContain('test is successful');
    expect(status).toBe(0);
    // Every file was read, as shipped apart from the moved paths.
    expect(output).toContain('server 127.0.0.1:3001 max_fails=1 fail_timeout=5s;');
    expect(output).toContain('server 127.0.0.1:3002 max_fails=1 fail_timeout=5s;');
    expect(output).toContain('server_name portal.example.gov.cn;');
    expect(output).toContain(`access_log ${dir}/log/portal.access.log combined buffer=64k flush=5s;`);
    expect(output).toContain(`proxy_cache_path ${dir}/cache levels=1:2 keys_zone=portal:20m`);
    expect(output).toContain('open_file_cache max=');
    expect(copied['listen.conf']).toContain('listen 80;');
  });

  it('compose (deploy/compose/portal/) pass nginx -t with deploy/nginx.conf', () => {
    const { dir } = layout('deploy/compose/portal', (text, at) => movePaths(text, at).replace(/\bapp([12]):3000\b/g, '127.0.0.$1:3000'));
    const { status, output } = check(dir);
    expect(output).toContain('test is successful');
    expect(status).toBe(0);
    expect(output).toContain('server 127.0.0.1:3000 max_fails=1 fail_timeout=5s;');
    expect(output).toContain('server 127.0.0.2:3000 max_fails=1 fail_timeout=5s;');
    expect(output).toContain('server_name _;');
  });

  it('refuses a broken site file, so the checks above can fail', () => {
    const { dir } = layout('deploy/portal', movePaths);
    fs.appendFileSync(path.join(dir, 'portal', 'upstreams.conf'), 'server 127.0.0.1:3003 max_fails=one;\n');
    const { status, output } = check(dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/invalid parameter "max_fails=one"/);
  });
});
