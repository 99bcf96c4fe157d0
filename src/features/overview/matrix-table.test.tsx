import { act, fireEvent, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderUi } from '@/test/render-ui'
import type { CellVersion, ColumnState, MatrixColumn, MatrixRow } from './build-matrix'
import { MatrixTable } from './matrix-table'
import { useInAppAnchors } from '@/components/in-app-anchors'
import { rowHeight } from './row-height'

const ENVS = Array.from({ length: 20 }, (_, i) => `cluster-${String(i).padStart(2, '0')}`)
const COLUMNS: MatrixColumn[] = ENVS.map((name) => ({
  name,
  type: 'K8S',
  logical: false,
  sources: [name],
}))
const STATES: Record<string, ColumnState> = Object.fromEntries(
  ENVS.map((name) => [name, { status: 'ready', snapshots: [] }]),
)

function version(env: string, extra: Partial<CellVersion> = {}): CellVersion {
  return {
    fingerprint: `${env}`.padEnd(64, 'a'),
    name: `svc:${env}`,
    commit: `${env.slice(-2)}abcde`.padEnd(40, '0'),
    replicas: 2,
    compliant: true,
    reasons: [],
    runningSince: 1_700_000_000,
    env,
    snapshotIndex: 3,
    ...extra,
  }
}

function row(name: string, cells: Record<string, CellVersion[]>): MatrixRow {
  return {
    key: `flow:${name}`,
    kind: 'flow',
    name,
    cells,
    drift: {},
    drifting: false,
    nonCompliant: false,
  }
}

const ROW = row('svc-001', Object.fromEntries(ENVS.map((env) => [env, [version(env)]])))

const NO_NEW_CELLS = new Map<string, Set<string>>()

function Table({ rows }: { rows: MatrixRow[] }) {
  const onClick = useInAppAnchors()
  return (
    <MatrixTable
      org="scale"
      columns={COLUMNS}
      states={STATES}
      rows={rows}
      snappishTime={null}
      settled
      newCells={NO_NEW_CELLS}
      onClick={onClick}
    />
  )
}

function Narrowing({ all, narrowed }: { all: MatrixRow[]; narrowed: MatrixRow[] }) {
  const [rows, setRows] = useState(all)
  return (
    <>
      <button type="button" onClick={() => setRows(narrowed)}>
        Narrow
      </button>
      <Table rows={rows} />
    </>
  )
}

/** A region 1,000 × 600 px: jsdom lays nothing out, so the virtualiser is told the size. */
function sizeRegions() {
  const size = { clientWidth: 1000, clientHeight: 600, scrollWidth: 5000, scrollHeight: 600 }
  for (const [property, value] of Object.entries(size)) {
    vi.spyOn(HTMLElement.prototype, property as keyof typeof size, 'get').mockImplementation(
      function (this: HTMLElement) {
        return this.getAttribute('role') === 'region' ? value : 0
      },
    )
  }
}

afterEach(() => vi.restoreAllMocks())

describe('MatrixTable with many environments', () => {
  it('draws the columns in view, then the others as the region scrolls sideways', async () => {
    sizeRegions()
    renderUi(<Table rows={[ROW]} />)
    const region = screen.getByRole('region', { name: /Flows by environment/ })
    const body = within(region).getAllByRole('row')[1]
    if (!body) throw new Error('no body row')
    // Every header is drawn; of the cells, only a screen's worth.
    expect(within(region).getAllByRole('columnheader')).toHaveLength(21)
    const drawn = () =>
      within(body)
        .getAllByRole('cell')
        .map((cell) => cell.getAttribute('aria-colindex'))
        .filter(Boolean)
    expect(drawn()[0]).toBe('2')
    expect(drawn().length).toBeLessThan(12)
    expect(within(body).queryByRole('link', { name: '19abcde' })).toBeNull()

    await act(async () => {
      region.scrollLeft = 13 * 16 * 19
      fireEvent.scroll(region)
    })
    expect(drawn().at(-1)).toBe('21')
    expect(within(body).getByRole('link', { name: '19abcde' })).toBeInTheDocument()
    expect(within(body).queryByRole('link', { name: '00abcde' })).toBeNull()
  })

  it('a filter that swaps the rows in view fills the rows already drawn with the new flows', () => {
    sizeRegions()
    // Rows as tall as their data says, as a browser would lay them out.
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (
      this: HTMLElement,
    ) {
      return this.tagName === 'TR' ? Number.parseFloat(this.style.height) || 36 : 0
    })
    const flows = (prefix: string) =>
      Array.from({ length: 60 }, (_, i) => {
        const number = String(i).padStart(3, '0')
        const commit = `${number}cafe`.padEnd(40, '0')
        return row(`${prefix}-${number}`, { 'cluster-00': [version('cluster-00', { commit })] })
      })
    // A filter that swaps every row in view; still more rows than the plainly drawn few.
    const many = flows('svc')
    const narrowed = flows('web')
    renderUi(<Narrowing all={many} narrowed={narrowed} />)
    const region = screen.getByRole('region', { name: /Flows by environment/ })
    const bodyRows = () =>
      within(region)
        .getAllByRole('rowheader')
        .map((header) => header.closest('tr'))
    const before = new Set(bodyRows())

    fireEvent.click(screen.getByRole('button', { name: 'Narrow' }))
    const after = bodyRows()
    expect(after.some((element) => before.has(element))).toBe(true)
    for (const element of after) {
      if (!element) throw new Error('a row header outside a row')
      const name = within(element).getByRole('rowheader').textContent ?? ''
      expect(narrowed.map((flow) => flow.name)).toContain(name)
      // The cell beside it shows that flow's version, not the one the row drew before.
      const commit = `${name.slice(4)}cafe`
      expect(within(element).getByRole('link', { name: commit })).toHaveAttribute(
        'href',
        expect.stringContaining(`/scale/flows/${name}/artifacts/`),
      )
    }
  })

  it('its plain links navigate inside the app; a modified click is left to the browser', async () => {
    const { router } = renderUi(<Table rows={[ROW]} />, '/scale/overview')
    const link = screen.getByRole('link', { name: 'svc-001' })
    expect(link).toHaveAttribute('href', '/scale/flows/svc-001')
    // After the app's handler: was the click taken over? (Then stop jsdom's own navigation.)
    const prevented: boolean[] = []
    const record = (event: MouseEvent) => {
      prevented.push(event.defaultPrevented)
      event.preventDefault()
    }
    document.addEventListener('click', record)
    fireEvent.click(link, { ctrlKey: true })
    fireEvent.click(link, { button: 1 })
    expect(prevented).toEqual([false, false])
    expect(router.state.location.pathname).toBe('/scale/overview')
    document.removeEventListener('click', record)
    await act(async () => {
      fireEvent.click(link)
    })
    expect(router.state.location.pathname).toBe('/scale/flows/svc-001')
  })

  it('gives each row the least height its tallest cell needs, in any column', () => {
    const tall = row('svc-002', {
      'cluster-00': [version('cluster-00')],
      'cluster-19': [
        version('cluster-19', {
          fingerprint: 'b'.repeat(64),
          compliant: false,
          reasons: ['no tests'],
        }),
        version('cluster-19', { fingerprint: 'c'.repeat(64) }),
      ],
    })
    expect(rowHeight(ROW)).toBe(17 + 64)
    expect(rowHeight(tall)).toBe(17 + 64 * 2 + 6 + 18 + 16)
    expect(rowHeight(tall, 20)).toBe(Math.ceil((17 + 64 * 2 + 6 + 18 + 16) * 1.25))
    renderUi(<Table rows={[ROW, tall]} />)
    const rows = screen.getAllByRole('row').slice(1)
    expect(rows[1]).toHaveStyle({ height: `${rowHeight(tall)}px` })
  })
})
