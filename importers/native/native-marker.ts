/** The value of the top-level `format` field that makes a JSON file a Threatwright model. */
export const NATIVE_FORMAT_MARKER = 'threatwright'
