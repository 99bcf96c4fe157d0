import type { Attestation } from '@/api/attestations'
import { attestationFailures } from './attestation-failures'

/** "Fails: 3 of 412 tests failed" under a non-compliant attestation; nothing otherwise. */
export function AttestationFailureNote({
  attestation,
}: {
  attestation: Pick<Attestation, 'type' | 'compliant' | 'raw'>
}) {
  if (attestation.compliant !== false) return null
  const failures = attestationFailures(attestation)
  if (!failures.length) return null
  return (
    <p className="text-bad">
      <span aria-hidden="true">✕ </span>
      <span className="font-medium">Fails: </span>
      {failures.join('; ')}
    </p>
  )
}
