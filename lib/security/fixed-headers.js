// @ts-check
// The security headers' fixed parts, in plain JavaScript: next.config.js, which Node imports as it
// is (no TypeScript on Node 20), sends them with the files proxy.ts never sees, and
// lib/security/headers.ts builds every other answer's headers from the same values.

/** JSON, and files that are never documents: nothing may load from them or frame them. */
export const MINIMAL_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"

/** Browser features the dashboard never uses, turned off for this origin and anything it embeds. */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'usb',
  'browsing-topics',
]
  .map((feature) => `${feature}=()`)
  .join(', ')

/** Two years, the preload list's minimum; only ever sent over HTTPS (browsers ignore it otherwise). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains'

/**
 * Every security header of one answer, by name, around its Content-Security-Policy.
 * @param {string} csp
 * @param {boolean} https served over HTTPS: adds HSTS
 * @returns {Record<string, string>}
 */
export function headersWithPolicy(csp, https) {
  return {
    'Content-Security-Policy': csp,
    // frame-ancestors does the same for current browsers; this is for those without CSP 2.
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    ...(https ? { 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : {}),
  }
}
