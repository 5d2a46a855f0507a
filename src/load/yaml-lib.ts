import { createRequire } from 'node:module';

type YamlLib = typeof import('yaml');
let lib: YamlLib | undefined;

/**
 * The YAML library, loaded the first time a file needs it: answers files take the fast
 * path (./fast-yaml.ts), and `validate` of unchanged built-in models parses nothing, so
 * most commands never pay for loading it. The build ships it as one CommonJS file beside
 * the chunks (dist/yaml.cjs); run from the sources, it is the package itself.
 */
export function yamlLib(): YamlLib {
  if (lib) return lib;
  const load = createRequire(import.meta.url);
  try {
    lib = load('./yaml.cjs') as YamlLib;
  } catch {
    lib = load('yaml') as YamlLib;
  }
  return lib;
}
