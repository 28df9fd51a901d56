import { join, resolve } from 'node:path'
import { build } from 'vite'

const repositoryRoot = resolve(__dirname, '..')

/**
 * A bench entry (`bench/<name>.ts`) built into out/bench/ for Node 20 with the app's bundler and no
 * minifier, and loaded. Packages stay outside the bundle, as in the app's main build, and resolve from
 * the repository's node_modules. The code a benchmark times should be the code that ships: tsx, which
 * runs the benchmarks, compiles with esbuild's keepNames, whose naming call on every closure created costs
 * the engines a quarter of their time or more, and the app and CLI are built by Vite without it
 * (electron.vite.config.ts; docs/decisions/0009).
 */
export async function bundledEntry<Module>(name: string): Promise<Module> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a file built a moment ago
  return require(await buildBenchEntry(name)) as Module
}

/** Builds `bench/<name>.ts` as bundledEntry does, without loading it (a child process's entry); its path. */
export async function buildBenchEntry(name: string): Promise<string> {
  const folder = join(repositoryRoot, 'out', 'bench')
  await build({
    configFile: false,
    logLevel: 'warn',
    root: repositoryRoot,
    build: {
      ssr: join(repositoryRoot, 'bench', `${name}.ts`),
      outDir: folder,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rolldownOptions: { output: { format: 'cjs', entryFileNames: `${name}.js` } }
    }
  })
  return join(folder, `${name}.js`)
}
