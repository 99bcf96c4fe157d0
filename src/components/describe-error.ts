import { PageCodeError } from '@/lib/route-module'
import { isApiError } from '@/api/client'

export interface ErrorDescription {
  title: string
  /** What failed, in the server's words where it gave some. */
  detail: string
  /** What the user can do about it. */
  advice: string
  status: number | null
  retryable: boolean
}

/** Turns anything a loader or query threw into words for a person. */
export function describeError(error: unknown): ErrorDescription {
  if (isApiError(error)) {
    const base = { detail: error.message, status: error.status || null }
    if (error.kind === 'timeout') {
      return {
        ...base,
        title: 'The Kosli API is taking too long',
        advice:
          'The request was stopped after waiting. Try again; if it keeps happening the API may be overloaded.',
        retryable: true,
      }
    }
    if (error.kind === 'network') {
      return {
        ...base,
        title: 'Could not reach the Kosli API',
        advice: 'Check your network connection, then try again.',
        retryable: true,
      }
    }
    if (error.kind === 'invalid-response') {
      return {
        ...base,
        title: 'The Kosli API sent something unexpected',
        advice:
          'Shiplog will not show data it cannot read correctly. Try again; if it persists, the API may have changed.',
        retryable: true,
      }
    }
    switch (error.status) {
      case 401:
        return {
          ...base,
          title: 'Kosli needs an API token',
          advice:
            'Start Shiplog with KOSLI_API_TOKEN set to a Kosli API key (for example `KOSLI_API_TOKEN=… npm start`). The token stays on the server.',
          retryable: false,
        }
      case 403:
        return {
          ...base,
          title: 'Access denied',
          advice:
            'The API token Shiplog uses cannot read this. Set KOSLI_API_TOKEN to a key with access to this organization and restart Shiplog.',
          retryable: false,
        }
      case 404:
        return {
          ...base,
          title: 'Not found',
          advice: 'Check the name in the address, or go back to the list.',
          retryable: false,
        }
      case 429:
        return {
          ...base,
          title: 'Too many requests',
          advice:
            'Kosli is rate-limiting requests. Shiplog retries by itself; wait a moment and try again.',
          retryable: true,
        }
      case 400:
      case 409:
      case 422:
        return {
          ...base,
          title: 'The request was not accepted',
          advice: 'Check the address or the expression you typed.',
          retryable: error.status === 409,
        }
      default:
        if (error.status >= 500) {
          return {
            ...base,
            title: 'The Kosli API failed',
            advice: 'This is on the server side. Try again in a moment.',
            retryable: true,
          }
        }
        return { ...base, title: 'Request failed', advice: 'Try again.', retryable: true }
    }
  }
  if (error instanceof PageCodeError) {
    return {
      title: 'Part of Shiplog could not be downloaded',
      detail: error.message,
      advice: navigator.onLine
        ? 'Reload the page to get the current version of Shiplog.'
        : 'Offline, and not opened before: it loads once back online.',
      status: null,
      retryable: true,
    }
  }
  return {
    title: 'Something went wrong',
    detail: error instanceof Error ? error.message : 'An unexpected error occurred.',
    advice: 'Try again, or reload the page.',
    status: null,
    retryable: true,
  }
}
