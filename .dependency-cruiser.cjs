/**
 * Module boundaries (HOUSE-RULES.md §1): a module is a room with one door, its index.ts.
 * The platform knows no module; a module reaches another only through that module's index.ts.
 */
module.exports = {
  forbidden: [
    {
      name: 'module-internals',
      comment: 'Import another module through its index.ts only.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'outside-into-module-internals',
      comment: 'Code outside src/modules uses a module through its index.ts only.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/modules/' },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'platform-knows-no-module',
      comment: 'The platform is below the modules; it must not import them.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules|cli)/|^src/composition\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
