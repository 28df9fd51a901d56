/**
 * What pytm's `check()` copies onto a flow from its ends (pytm.md §2, `_apply_defaults`): a request takes
 * its protocol, port and encryption from the sink and its destination checks from the source; a
 * response takes protocol, source port and encryption from its source. pytm 1.3.1 copies a value only
 * when the flow did not set it (write-once attributes); 1.4.0 overwrites set values too, a regression
 * that makes every `protocol == 'HTTP'` rule miss on flows. The reader records which of these the file
 * set (`setInSource`) and the threat engine reproduces the 1.3.1 behaviour.
 */
export interface InheritedFlowAttribute {
  /** Key on the flow and, after `controls.`, control name. */
  readonly key: string
  readonly from: 'source' | 'sink'
  readonly endKey: string
}

export const REQUEST_DEFAULTS: readonly InheritedFlowAttribute[] = [
  { key: 'protocol', from: 'sink', endKey: 'protocol' },
  { key: 'dstPort', from: 'sink', endKey: 'port' },
  { key: 'controls.isEncrypted', from: 'sink', endKey: 'controls.isEncrypted' },
  { key: 'controls.authenticatesDestination', from: 'source', endKey: 'controls.authenticatesDestination' },
  { key: 'controls.checksDestinationRevocation', from: 'source', endKey: 'controls.checksDestinationRevocation' }
]

export const RESPONSE_DEFAULTS: readonly InheritedFlowAttribute[] = [
  { key: 'protocol', from: 'source', endKey: 'protocol' },
  { key: 'srcPort', from: 'source', endKey: 'port' },
  { key: 'controls.isEncrypted', from: 'source', endKey: 'controls.isEncrypted' }
]

/** Every flow key that can be inherited, whichever direction the flow has. */
export const INHERITABLE_FLOW_KEYS: readonly string[] = [
  ...new Set([...REQUEST_DEFAULTS, ...RESPONSE_DEFAULTS].map((entry) => entry.key))
]
