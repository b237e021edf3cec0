// GET /api/v1/openapi.json — the OpenAPI 3.1 document of /api/v1 (public: the contract is not a
// secret, and code generators and a WMS integrator fetch it before they hold a key; it names no
// merchant and no data). The document changes only with a deploy: browsers and tools may keep it
// five minutes, then revalidate by ETag.
import { openApiDocumentResponse } from '@/lib/api-v1/openapi-response'

export function GET(req: Request): Response {
  return openApiDocumentResponse(req.headers.get('if-none-match'))
}
