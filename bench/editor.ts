import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { writeNative } from '../importers/native/write-native'
import { emptyModel, newDiagram, newElement, newFlow } from '../model/factory'
import { asId, type DiagramId, type ElementId, type FlowId, type ModelId } from '../model/ids'
import type { ThreatModel } from '../model/model'
import { median, type Benchmark } from './metrics'

const repoRoot = resolve(__dirname, '..')
const runs = 3
const elementCount = 1000
const flowCount = 1500
const columns = 40
const spacing = 160
const dragSteps = 60
// Fixed rather than 0 so a stray server from an interrupted run is noticed (listen fails) instead of piling up.
const port = Number(process.env.THREATWRIGHT_BENCH_PORT ?? 47990)
// A fixed token on the loopback for this throw-away server only, as playwright.config.ts does for e2e.
const token = 'bench-editor-token-0123456789abcdef-0123456789'
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

/**
 * The editor benchmark model: 1,000 processes on a 40-column grid and 1,500 flows (each element to its
 * right neighbour, and every other one to the element below), with fixed ids so the file is the same
 * bytes on every run (the factory mints random ids).
 */
export function editorBenchModel(): ThreatModel {
  const elementId = (index: number): ElementId => asId<ElementId>(`e${index % elementCount}`)
  const elements = Array.from({ length: elementCount }, (_, index) => ({
    ...newElement('process', { x: (index % columns) * spacing, y: Math.floor(index / columns) * spacing }, `Process ${index}`),
    id: elementId(index)
  }))
  const flows = Array.from({ length: flowCount }, (_, index) => {
    const source = index < elementCount ? index : (index - elementCount) * 2
    const target = index < elementCount ? source + 1 : source + columns
    return {
      ...newFlow(elementId(source), elementId(target), { sourcePoint: { x: 0, y: 0 }, targetPoint: { x: 0, y: 0 } }),
      id: asId<FlowId>(`f${index}`)
    }
  })
  const diagram = { ...newDiagram('Editor benchmark'), id: asId<DiagramId>('d0'), elements, flows }
  return { ...emptyModel('Editor benchmark'), id: asId<ModelId>('m0'), diagrams: [diagram] }
}

/** The page's globals the in-page code uses; the bench's tsconfig has Node's lib, not the DOM's. */
interface ProbeHost {
  readonly document: { querySelector(selector: string): { addEventListener(type: string, listener: () => void, options: object): void } | null }
  requestAnimationFrame(callback: (now: number) => void): number
  __threatwrightCanvas?: {
    nodeCount(): number
    edgeCount(): number
    pageBox(id: string): { x: number; y: number; width: number; height: number } | null
  }
  __benchFirstRender?: Promise<number>
  __benchFrames?: { deltas: number[]; running: boolean }
}

/** Starts `node out/main/browser-mode.js` and resolves with the URL it prints (its one line of output). */
async function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(repoRoot, 'out', 'main', 'browser-mode.js')], {
    env: { ...process.env, THREATWRIGHT_PORT: String(port), THREATWRIGHT_TOKEN: token, THREATWRIGHT_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = ''
    let errors = ''
    const timer = setTimeout(() => reject(new Error(`browser mode printed no URL in 20 s: ${errors}`)), 20_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /(http:\/\/\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolveUrl(match[1])
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString()
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`browser mode exited (${code ?? 'signal'}) before printing its URL: ${errors} (run \`npx electron-vite build\` first)`))
    })
  })
  return { url, child }
}

/**
 * Opens the model through the hidden file input and returns the page-side time from the input's `change`
 * event to the canvas holding every node and edge, plus one animation frame (Cytoscape paints in its own
 * rAF loop, so the frame after the last add is the first one that can show them). Timed in the page so
 * Playwright's round trips are not counted.
 */
async function openAndTimeFirstRender(page: Page, file: Buffer): Promise<number> {
  await page.evaluate(
    ({ nodes, edges }) => {
      const host = globalThis as unknown as ProbeHost
      const input = host.document.querySelector('[data-testid="open-file-input"]')
      if (!input) throw new Error('no open-file input')
      host.__benchFirstRender = new Promise<number>((resolveTime) => {
        input.addEventListener(
          'change',
          () => {
            const started = performance.now()
            const poll = (): void => {
              const probe = host.__threatwrightCanvas
              if (probe && probe.nodeCount() === nodes && probe.edgeCount() === edges) {
                host.requestAnimationFrame(() => resolveTime(performance.now() - started))
              } else host.requestAnimationFrame(poll)
            }
            poll()
          },
          { once: true, capture: true }
        )
      })
    },
    { nodes: elementCount, edges: flowCount }
  )
  await page.getByTestId('open-file-input').setInputFiles({ name: 'editor-bench.twm', mimeType: 'application/json', buffer: file })
  return page.evaluate(() => (globalThis as unknown as ProbeHost).__benchFirstRender ?? Promise.reject(new Error('not armed')))
}

/** Drags one element with the real mouse and returns the rAF deltas the page saw meanwhile. */
async function dragFrameTimes(page: Page, elementId: string): Promise<number[]> {
  const box = await page.evaluate((id) => (globalThis as unknown as ProbeHost).__threatwrightCanvas?.pageBox(id) ?? null, elementId)
  if (!box) throw new Error(`${elementId} is not drawn`)
  const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  await page.evaluate(() => {
    const host = globalThis as unknown as ProbeHost
    const frames = { deltas: [] as number[], running: true }
    host.__benchFrames = frames
    let last = -1
    const tick = (now: number): void => {
      if (last >= 0) frames.deltas.push(now - last)
      last = now
      if (frames.running) host.requestAnimationFrame(tick)
    }
    host.requestAnimationFrame(tick)
  })
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + 240, from.y + 160, { steps: dragSteps })
  await page.mouse.up()
  // Two more frames: the drop commits the move to the model, which re-renders the diagram.
  return page.evaluate(
    () =>
      new Promise<number[]>((resolveDeltas) => {
        const host = globalThis as unknown as ProbeHost
        const frames = host.__benchFrames
        if (!frames) throw new Error('frame recorder not installed')
        host.requestAnimationFrame(() =>
          host.requestAnimationFrame(() => {
            frames.running = false
            resolveDeltas(frames.deltas)
          })
        )
      })
  )
}

function percentile(samples: readonly number[], fraction: number): number {
  const sorted = [...samples].sort((left, right) => left - right)
  if (sorted.length === 0) throw new Error('percentile of no samples')
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!
}

async function oneRun(browser: Browser, url: string, file: Buffer): Promise<{ firstRender: number; dragP95: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  // tsx (esbuild, keepNames) wraps the named arrows of the page functions below in `__name(…)`, a helper
  // that exists only in Node; without this stub the rAF loops throw in the page and never resolve.
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((target) => target)' })
  try {
    const page = await context.newPage()
    await page.goto(url)
    await page.getByTestId('model-elements').waitFor()
    const firstRender = await openAndTimeFirstRender(page, file)
    // Let the load's own work (threat table, autosave timers) settle so the drag measures the drag.
    await page.waitForTimeout(500)
    // The middle of the grid: a node with flows on all sides, away from the canvas edges.
    const deltas = await dragFrameTimes(page, `e${Math.floor(elementCount / 2) + columns / 2}`)
    return { firstRender, dragP95: percentile(deltas, 0.95) }
  } finally {
    await context.close()
  }
}

/**
 * `editor.firstRender.ms` (target ≤ 1 s) and `editor.drag.p95.ms` (target ≤ 16 ms) in headless Chromium
 * against the built browser-mode server, median of 3 runs, each in a fresh browser context. Chromium runs
 * rAF at the display rate (60 Hz), so a drag that never misses a frame still reads ~16.7 ms: the figure
 * is quantised to 16.7, 33.3, … and anything above ~17 means dropped frames.
 */
export const editorBench: Benchmark = {
  name: 'editor',
  async run() {
    const file = Buffer.from(writeNative(editorBenchModel()).bytes)
    // A fresh data folder: no recent files and no recovery copies from an earlier run to prompt about.
    const dataDir = await mkdtemp(join(tmpdir(), 'threatwright-bench-'))
    const server = await startServer(dataDir)
    let browser: Browser | undefined
    try {
      browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs })
      const results = []
      for (let run = 0; run < runs; run += 1) results.push(await oneRun(browser, server.url, file))
      const round = (value: number): number => Math.round(value * 10) / 10
      return {
        'editor.firstRender.ms': { value: round(median(results.map((result) => result.firstRender))), unit: 'ms' },
        'editor.drag.p95.ms': { value: round(median(results.map((result) => result.dragP95))), unit: 'ms' }
      }
    } finally {
      await browser?.close()
      server.child.kill('SIGTERM')
      await rm(dataDir, { recursive: true, force: true })
    }
  }
}
