// Bundles src/extension.js and vscode-languageclient into dist/extension.js,
// the one file the extension runs (VS Code provides the `vscode` module).
const esbuild = require('esbuild');

esbuild
  .build({
    entryPoints: ['src/extension.js'],
    bundle: true,
    outfile: 'dist/extension.js',
    external: ['vscode'],
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    sourcemap: true,
    logLevel: 'info',
  })
  .catch(() => process.exit(1));
