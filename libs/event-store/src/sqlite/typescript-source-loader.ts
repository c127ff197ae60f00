/**
 * Worker threads and child processes do not inherit jest's transform, so when this library runs from its
 * TypeScript sources (tests) a fresh thread or process must learn to load `.ts` itself. The built app runs
 * the compiled `.js` and never uses this. Only relative imports and packages are supported: sources loaded
 * this way must not use the `@registry/*` path aliases.
 */
export function runningFromTypeScriptSources(): boolean {
  return __filename.endsWith('.ts');
}

/** CommonJS source that registers a transpile-only `.ts` loader, then requires `entry`. */
export function typeScriptBootstrap(entry: string): string {
  const typescriptPath = require.resolve('typescript');
  return `
const fs = require('node:fs');
const ts = require(${JSON.stringify(typescriptPath)});
require.extensions['.ts'] = (module, filename) => {
  const output = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
    },
  });
  module._compile(output.outputText, filename);
};
require(${JSON.stringify(entry)});
`;
}
