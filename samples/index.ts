/**
 * CONTRACT STUB written by the lead; the importers engineer writes web-shop.twm and may change how
 * the text is loaded, but not the exported names.
 */
/** The file name the sample opens under (title bar, messages). */
export const SAMPLE_FILE_NAME = 'web-shop.twm'

/** The sample model's bytes, in the native format. */
export const sampleModelBytes: Uint8Array = new Uint8Array()
