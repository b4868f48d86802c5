import { dirname, extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on the file `name` beside `callerFile`: the compiled .js, or the TypeScript
 * through tsx, whose loader a thread has to register for itself.
 */
export function startSiblingThread(callerFile: string, name: string, workerData: unknown): Worker {
  const file = join(dirname(callerFile), `${name}${extname(callerFile)}`);
  return extname(file) === '.ts'
    ? new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(file)});`, {
        eval: true,
        workerData,
      })
    : new Worker(file, { workerData });
}
