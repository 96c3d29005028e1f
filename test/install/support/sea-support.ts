import { createRequire } from 'node:module';

/**
 * Why this machine cannot build a Node single executable, or `undefined`
 * when it can: the Node running the tests was built without SEA support,
 * or postject (a dev dependency) is not installed.
 */
export function singleExecutableUnsupported(): string | undefined {
  const variables: Readonly<Record<string, unknown>> = process.config.variables;
  if (variables['single_executable_application'] !== true) return `Node ${process.version} was built without single executable application support`;
  try {
    createRequire(import.meta.url).resolve('postject');
  } catch {
    return 'postject is not installed (npm ci installs it as a dev dependency)';
  }
  return undefined;
}
