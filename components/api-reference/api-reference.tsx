'use client'
// The OpenAPI document of /api/v1 rendered by Swagger UI, from swagger-ui-dist's prebuilt bundle
// shipped with the app: the page works offline and loads nothing from another origin. The bundle
// (its own React inside) is imported only once this component mounts, so the page's first
// JavaScript stays small and the server never loads it; it mounts into its own node, which React
// leaves alone. Try-it-out is off: the page documents, it does not send requests with a secret
// key pasted into it (the README's curl does that).
import { useEffect, useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import 'swagger-ui-dist/swagger-ui.css'
import './api-reference.css'

export function ApiReference({ documentUrl }: { documentUrl: string }) {
  const t = useTranslations('apiReference.page')
  const node = useRef<HTMLDivElement>(null)
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading')

  useEffect(() => {
    let cancelled = false
    import('swagger-ui-dist/swagger-ui-es-bundle.js')
      .then(({ default: SwaggerUIBundle }) => {
        if (cancelled || !node.current) return
        SwaggerUIBundle({
          domNode: node.current,
          url: documentUrl,
          supportedSubmitMethods: [],
          docExpansion: 'list',
          defaultModelsExpandDepth: 0,
          // Deep links put an anchor inside each operation's toggle button (axe: nested-interactive).
          deepLinking: false,
          // Plain examples: the highlighter's string colour fails contrast on its dark background.
          syntaxHighlight: false,
          // Swagger's online validator badge would send the document's URL to swagger.io.
          validatorUrl: null,
          onComplete: () => !cancelled && setState('ready'),
        })
      })
      .catch(() => !cancelled && setState('failed'))
    return () => {
      cancelled = true
    }
  }, [documentUrl])

  return (
    <div className="api-reference overflow-x-auto" aria-busy={state === 'loading'}>
      {state === 'loading' ? (
        <p role="status" className="px-4 py-8 text-sm text-slate-600">
          {t('loading')}
        </p>
      ) : null}
      {state === 'failed' ? (
        <p role="alert" className="px-4 py-8 text-sm text-red-700">
          {t('error')}
        </p>
      ) : null}
      <div ref={node} />
    </div>
  )
}
