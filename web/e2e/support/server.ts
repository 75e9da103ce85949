// Direct changes to the test server's database for what no public endpoint
// does (an admin suspending an account happens in the Django admin).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoDir = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs Python in `manage.py shell` with the settings e2e/serve.sh gives the server. */
export function serverShell(code: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `sqlite:///${repoDir}var/e2e/db.sqlite3`, DEBUG: 'true' };
  delete env.REDIS_URL;
  execFileSync(`${repoDir}.venv/bin/python`, ['manage.py', 'shell', '-c', code], { cwd: repoDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function suspendUser(userId: number) {
  serverShell(`from users.models import User\nassert User.objects.filter(pk=${userId}).update(is_active=False) == 1`);
}
