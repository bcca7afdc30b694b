/**
 * One local worker for every end-to-end file: wrangler's dev server (workerd, the real
 * bundle and static assets from wrangler.toml) on a free port of 127.0.0.1. Its origin is
 * handed to the test files with Vitest's `provide`/`inject`.
 */
import type { TestProject } from 'vitest/node';
import { startLocalWorker } from './worker';

declare module 'vitest' {
  export interface ProvidedContext {
    workerOrigin: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const worker = await startLocalWorker();
  project.provide('workerOrigin', worker.origin);
  return () => worker.stop();
}
