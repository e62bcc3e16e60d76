import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    storeDir: string;
  }
}

/** Remove the stores the run made, so test runs leave nothing in the system temp folder. */
export default function setup(project: TestProject) {
  const dir = project.config.provide?.storeDir;
  return async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  };
}
