import { join } from 'node:path';
import { runCli } from './run-cli';

describe('the CLI process', () => {
  // Without the exit grace the run would last until runCli's timeout, which throws.
  it('exits with its code once the command is done, even with a handle left open', () => {
    const result = runCli(['export'], {}, ['--require', join(__dirname, 'fixtures', 'open-handle.cjs')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('npm run export');
  }, 130_000);
});
