import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Environment } from '@/api/environments'
import { environment } from '@/test/environment'
import { renderRoute } from '@/test/render-route'
import {
  environmentListSearch,
  filterEnvironments,
  parseEnvironmentListParams,
} from './environments-params'

// The first request builds the demo world, which takes a moment in jsdom.
const SLOW = { timeout: 10_000 }

function env(name: string, type: string, lastChangedAt: number | null): Environment {
  return environment(name, { type, lastChangedAt })
}

describe('environment list filtering', () => {
  const list = [env('aws-prod', 'ECS', 30), env('aws-beta', 'ECS', 40), env('k8s', 'K8S', null)]

  it('filters by name and type and sorts by name or last change', () => {
    const names = (search: string) =>
      filterEnvironments(list, parseEnvironmentListParams(new URLSearchParams(search))).map(
        (item) => item.name,
      )
    expect(names('')).toEqual(['aws-beta', 'aws-prod', 'k8s'])
    expect(names('q=PROD')).toEqual(['aws-prod'])
    expect(names('type=K8S')).toEqual(['k8s'])
    expect(names('sort=changed')).toEqual(['aws-beta', 'aws-prod', 'k8s'])
    expect(names('sort=bogus')).toEqual(['aws-beta', 'aws-prod', 'k8s'])
  })

  it('keeps default values out of the URL', () => {
    expect(environmentListSearch({ q: '', type: '', sort: 'name' }).toString()).toBe('')
    expect(environmentListSearch({ q: 'aws', type: 'ECS', sort: 'changed' }).toString()).toBe(
      'q=aws&type=ECS&sort=changed',
    )
  })
})

// Route tests wait for the demo world, which is slow on a busy machine.
describe('environments page', { timeout: 40_000 }, () => {
  it('lists environments with type and compliance, and filters by name in the URL', async () => {
    const { router } = renderRoute('/cyber-dojo/environments')
    // Logical environments link to the ones they include, so names can appear twice.
    const [prod] = await screen.findAllByRole('link', { name: 'aws-prod' }, SLOW)
    expect(prod).toHaveAttribute('href', '/cyber-dojo/environments/aws-prod')
    expect(screen.getAllByText('Unknown (no policy)', { selector: 'span' })).not.toHaveLength(0)
    fireEvent.change(screen.getByLabelText('Name contains'), { target: { value: 'beta' } })
    await waitFor(() => expect(router.state.location.search).toBe('?q=beta'), SLOW)
    await waitFor(() => expect(screen.queryByText('aws-prod')).not.toBeInTheDocument(), SLOW)
    expect(screen.getAllByText('aws-beta')).not.toHaveLength(0)
  })

  it('filters by type from the URL', async () => {
    renderRoute('/cyber-dojo/environments?type=K8S')
    expect(await screen.findByText(/environments? of \d+ match/, {}, SLOW)).toBeInTheDocument()
    expect(screen.queryByText('aws-prod')).not.toBeInTheDocument()
    expect(screen.getByLabelText('Type')).toHaveValue('K8S')
  })
})
