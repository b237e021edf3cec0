// A call to our API from a form or a button, with useMutation's shape (mutate(variables,
// { onSuccess, onError }), isPending, isSuccess, error, variables) and none of TanStack Query:
// these calls change something and the page re-renders from the server (router.refresh), so
// nothing is cached; the library's provider cost ~6 kB gzip of each page's first JavaScript
// (docs/benchmarks.md). Pages that do read through a cache keep TanStack Query.
import { useEffect, useRef, useState } from 'react'

type Callbacks<R, V> = { onSuccess?: (result: R, variables: V) => void; onError?: (error: Error, variables: V) => void }
type CallState<R, V> = { status: 'idle' | 'pending' | 'success' | 'error'; data?: R; error: Error | null; variables?: V }

export function useCall<V, R>(call: (variables: V) => Promise<R>, hook: Callbacks<R, V> = {}) {
  const [state, setState] = useState<CallState<R, V>>({ status: 'idle', error: null })
  // As with useMutation, only the latest call's outcome is shown, and a call's own callbacks do
  // not run once the component is gone (the hook's do: they refresh or navigate).
  const latest = useRef(0)
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const mutate = (variables: V, each: Callbacks<R, V> = {}) => {
    const id = ++latest.current
    const current = () => id === latest.current && mounted.current
    setState({ status: 'pending', error: null, variables })
    call(variables).then(
      (data) => {
        if (id === latest.current) setState({ status: 'success', data, error: null, variables })
        hook.onSuccess?.(data, variables)
        if (current()) each.onSuccess?.(data, variables)
      },
      (thrown: unknown) => {
        const error = thrown instanceof Error ? thrown : new Error(String(thrown))
        if (id === latest.current) setState({ status: 'error', error, variables })
        hook.onError?.(error, variables)
        if (current()) each.onError?.(error, variables)
      },
    )
  }

  return {
    mutate,
    data: state.data,
    error: state.error,
    variables: state.variables,
    isPending: state.status === 'pending',
    isSuccess: state.status === 'success',
  }
}
