// The part of swagger-ui-dist's bundle we call (the package ships no types). Options as
// documented in Swagger UI's configuration reference.
declare module 'swagger-ui-dist/swagger-ui-es-bundle.js' {
  type SwaggerUIOptions = {
    domNode: HTMLElement
    url: string
    supportedSubmitMethods?: string[]
    docExpansion?: 'list' | 'full' | 'none'
    defaultModelsExpandDepth?: number
    deepLinking?: boolean
    syntaxHighlight?: false | { activated?: boolean; theme?: string }
    validatorUrl?: string | null
    onComplete?: () => void
  }
  const SwaggerUIBundle: (options: SwaggerUIOptions) => unknown
  export default SwaggerUIBundle
}
