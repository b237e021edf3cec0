// Where the public API and its document live; imported by pages that link to them without
// building the document.
export const API_BASE_PATH = '/api/v1'
/** The document's own route, public (app/api/v1/openapi.json/route.ts), below API_BASE_PATH. */
export const OPENAPI_DOCUMENT_PATH = '/openapi.json'
