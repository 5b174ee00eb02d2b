/** esbuild resolves `require` when it bundles the page; the shared renderer uses it for dagre's CommonJS build. */
declare function require(id: string): unknown;
