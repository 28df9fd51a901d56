/** A two-rule threat library in pytm's shape, written for the app's tests (pytm's own text is not ours to ship). */
export const TEST_PYTM_LIBRARY = JSON.stringify([
  { SID: 'TW01', target: ['Process'], description: 'Input not checked', severity: 'High', condition: 'target.controls.sanitizesInput is False' },
  { SID: 'TW02', target: ['Dataflow'], description: 'Plain text on the wire', severity: 'Medium', condition: 'not target.controls.isEncrypted' }
])
