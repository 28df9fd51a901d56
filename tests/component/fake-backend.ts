import { canonical } from '../../model/canonical'
import { diagnostic } from '../../model/diagnostics'
import { emptyModel, newBoxBoundary, newDiagram, newElement, newFlow, newUserThreat } from '../../model/factory'
import { asId, type DiagramId, type ElementId, type FlowId } from '../../model/ids'
import type { ThreatModel } from '../../model/model'
import type {
  CommandName,
  CommandRequest,
  CommandResponse,
  EventName,
  Events,
  OpenedDocument,
  ThreatwrightApi
} from '../../src-shared/ipc-contract'

/** Two diagrams: "Shop" (3 elements, 2 flows, 1 boundary) and "Admin" (1 element); 3 threats. */
export function shopModel(): ThreatModel {
  const browser = { ...newElement('externalInteractor', { x: 0, y: 0 }, 'Browser'), id: asId<ElementId>('browser') }
  const web = { ...newElement('process', { x: 300, y: 0 }, 'Web app'), id: asId<ElementId>('web') }
  const db = { ...newElement('dataStore', { x: 300, y: 300 }, 'Orders'), id: asId<ElementId>('db') }
  const shop = {
    ...newDiagram('Shop'),
    id: asId<DiagramId>('shop'),
    elements: [browser, web, db],
    flows: [
      { ...newFlow(browser.id, web.id, { sourcePoint: { x: 100, y: 50 }, targetPoint: { x: 300, y: 50 } }), id: asId<FlowId>('f1') },
      { ...newFlow(web.id, db.id, { sourcePoint: { x: 350, y: 100 }, targetPoint: { x: 350, y: 300 } }), id: asId<FlowId>('f2') }
    ],
    boundaries: [newBoxBoundary({ x: 250, y: -50, width: 250, height: 450 })]
  }
  const admin = {
    ...newDiagram('Admin'),
    id: asId<DiagramId>('admin'),
    elements: [{ ...newElement('process', { x: 0, y: 0 }, 'Back office'), id: asId<ElementId>('office') }]
  }
  return {
    ...emptyModel('Web shop'),
    diagrams: [shop, admin],
    threats: [
      { ...newUserThreat({ kind: 'element', elementId: web.id }, 'Spoofing'), diagramId: shop.id },
      { ...newUserThreat({ kind: 'flow', flowId: asId<FlowId>('f2') }, 'Tampering'), diagramId: shop.id },
      {
        ...newUserThreat({ kind: 'element', elementId: db.id }, 'Disclosure'),
        diagramId: shop.id,
        state: canonical('mitigated')
      }
    ]
  }
}

/** Lower-case hex SHA-256 with WebCrypto: component tests run in the page's world, without Node's types. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

export function shopDocument(): OpenedDocument {
  return { fileName: 'web-shop.twm', path: null, formatId: 'native', model: shopModel(), diagnostics: [] }
}

type Handlers = { [Name in CommandName]?: (request: CommandRequest<Name>) => CommandResponse<Name> | Promise<CommandResponse<Name>> }

/** A backend answering from `handlers`, recording calls, and able to emit main's events. */
export class FakeBackend implements ThreatwrightApi {
  readonly calls: { name: CommandName; request: unknown }[] = []
  readonly #listeners = new Map<EventName, Set<(payload: never) => void>>()
  readonly #handlers: Handlers

  constructor(handlers: Handlers = {}) {
    this.#handlers = {
      'document:open-sample': () => ({ kind: 'opened', document: shopDocument() }),
      'document:open-bytes': ({ fileName }) => ({
        kind: 'failed',
        fileName,
        diagnostics: [diagnostic('detect.unknown', 'error', 'This is not a threat model file Threatwright can read.', { file: fileName, line: 1 })]
      }),
      'document:set-dirty': () => null,
      'app:info': () => ({ name: 'Threatwright', version: '0.1.0', mode: 'browser' }),
      // Not main's serialisation (tests/unit/main/model-hash.test.ts checks that); any hash of the model will do here.
      'document:native-sha256': async ({ model }) => ({ kind: 'hashed', sha256: await sha256Hex(new TextEncoder().encode(JSON.stringify(model))) }),
      ...handlers
    }
  }

  async invoke<Name extends CommandName>(name: Name, request: CommandRequest<Name>): Promise<CommandResponse<Name>> {
    this.calls.push({ name, request })
    const handler = this.#handlers[name] as ((request: CommandRequest<Name>) => CommandResponse<Name>) | undefined
    if (!handler) throw new Error(`FakeBackend: no handler for ${name}`)
    return handler(request)
  }

  on<Name extends EventName>(name: Name, listener: (payload: Events[Name]) => void): () => void {
    const set = this.#listeners.get(name) ?? new Set()
    set.add(listener as (payload: never) => void)
    this.#listeners.set(name, set)
    return () => set.delete(listener as (payload: never) => void)
  }

  emit<Name extends EventName>(name: Name, payload: Events[Name]): void {
    for (const listener of this.#listeners.get(name) ?? []) (listener as (payload: Events[Name]) => void)(payload)
  }
}
