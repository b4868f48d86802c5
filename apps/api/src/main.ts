import { ConfigError, loadConfig } from '@tr/config';
import { createApp } from './create-app';

/** The HTTP API. Stops at once with a clear message when the configuration is invalid. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(error instanceof ConfigError ? 2 : 1);
});
