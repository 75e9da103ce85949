import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, existsSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** Starts the real Django server on a fresh SQLite database with demo data. */
export async function startBackend({ repoDir, log }) {
  const python = path.join(repoDir, '.venv', 'bin', 'python');
  const manage = path.join(repoDir, 'manage.py');
  if (!existsSync(python)) throw new Error(`No Python virtualenv at ${python}; create the backend's .venv first.`);
  if (!existsSync(manage)) throw new Error(`No ${manage}: the backend is missing.`);

  const varDir = path.join(repoDir, 'var', 'e2e');
  rmSync(varDir, { recursive: true, force: true });
  mkdirSync(path.join(varDir, 'media'), { recursive: true });
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite:///${path.join(varDir, 'db.sqlite3')}`,
    MEDIA_ROOT: path.join(varDir, 'media'),
    DEBUG: 'true',
    PYTHONUNBUFFERED: '1',
  };

  const manageRun = (args) => {
    const res = spawnSync(python, [manage, ...args], { cwd: repoDir, env, encoding: 'utf8', timeout: 180_000 });
    if (res.status !== 0) throw new Error(`manage.py ${args.join(' ')} failed (${res.status}):\n${res.stdout}\n${res.stderr}`);
    return res.stdout;
  };
  log('migrating a fresh database…');
  manageRun(['migrate', '--noinput']);
  log('seeding demo data…');
  manageRun(['seed_demo']);

  const port = await freePort();
  const serverLog = createWriteStream(path.join(varDir, 'server.log'));
  const proc = spawn(python, [manage, 'runserver', `127.0.0.1:${port}`, '--noreload'], { cwd: repoDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout.pipe(serverLog);
  proc.stderr.pipe(serverLog);
  const baseUrl = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the server exited early (${proc.exitCode}); see ${path.join(varDir, 'server.log')}`);
    try {
      const res = await fetch(`${baseUrl}/api/health/`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill('SIGTERM');
      throw new Error('the server did not become healthy within 60 s');
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  log(`backend ready at ${baseUrl}`);

  return {
    baseUrl,
    mediaDir: env.MEDIA_ROOT,
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
        setTimeout(() => proc.exitCode === null && proc.kill('SIGKILL'), 5000).unref();
      }),
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}
