import { clearQueue, PASSWORD, REDIS_URL, seed, UNMASKED_NATIONAL_ID, type Fixtures } from './api-harness';
import { createTestDatabase, type TestDatabase } from '@tr/persistence/testing/test-database';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');

/**
 * The API as it runs in production: the compiled build in a process of its own (the DTO validation
 * needs the decorator metadata tsc emits), stopped with SIGTERM.
 */
describe('the API process', () => {
  let db: TestDatabase;
  let fixtures: Fixtures;
  const prefix = `test_${randomBytes(4).toString('hex')}`;
  const port = 17_000 + Math.floor(Math.random() * 1000);
  const env = () => ({
    ...process.env,
    DATABASE_URL: db.url,
    REDIS_URL,
    JWT_SECRET: randomBytes(24).toString('hex'),
    QUEUE_PREFIX: prefix,
    PORT: String(port),
  });

  beforeAll(async () => {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'pipe', timeout: 300_000 });
    db = await createTestDatabase();
    fixtures = await seed(db);
  }, 320_000);

  afterAll(async () => {
    await clearQueue(prefix);
    await db?.drop();
  });

  it('refuses to start with a bad setting, naming it, and exit code 2', () => {
    const result = spawnSync('node', [MAIN], {
      env: { ...env(), JWT_SECRET: 'short', PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/JWT_SECRET/);
    expect(result.stderr).toMatch(/PORT/);
  });

  it('on SIGTERM ends open progress streams, closes the database and exits', async () => {
    const child: ChildProcess = spawn('node', [MAIN], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitUntil(
        async () => (await fetch(`${base}/health/live`).catch(() => undefined))?.ok === true,
        30_000,
      );
      const login = (await (
        await fetch(`${base}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'hr', password: PASSWORD }),
        })
      ).json()) as { access_token: string };
      const auth = { authorization: `Bearer ${login.access_token}`, 'content-type': 'application/json' };
      const plan = (await (
        await fetch(`${base}/counties/${fixtures.countyA}/plans`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ scenario: '停机测试' }),
        })
      ).json()) as { id: string; status: string };
      expect(plan.status).toBe('queued');

      const stream = await fetch(`${base}/plans/${plan.id}/events`, { headers: auth });
      const reader = stream.body!.getReader();
      let received = '';
      while (!received.includes('"status":"queued"'))
        received += new TextDecoder().decode((await reader.read()).value);

      const stoppedAt = Date.now();
      child.kill('SIGTERM');
      // The stream ends on its own rather than holding the server open.
      while (!(await reader.read()).done);
      const exit = await exited;
      expect(Date.now() - stoppedAt).toBeLessThan(10_000);
      // Nest re-raises the signal after its shutdown hooks have run.
      expect(exit.signal === 'SIGTERM' || exit.code === 0).toBe(true);
      expect(output).toContain('database closed, stopping');
      const lines = output.trim().split('\n');
      expect(lines.every((line) => line.startsWith('{'))).toBe(true);
      expect(lines.filter((line) => UNMASKED_NATIONAL_ID.test(line))).toEqual([]);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not ready after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
