/**
 * The hand-written page: fetch, JSON.parse, innerHTML of the first screen of rows. No library.
 * Same query parameters and markup as the floor (main.ts).
 */
import { floorRows } from './rows.ts'

const FIRST_SCREEN = 30

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

async function show(): Promise<void> {
  const params = new URLSearchParams(location.search)
  const apis = params.getAll('api')
  const root = document.getElementById('root')
  if (!apis.length || !root) return
  const answers = await Promise.all(
    apis.map(async (api) => {
      const response = await fetch(api, { headers: { accept: 'application/json' } })
      return JSON.parse(await response.text()) as unknown
    }),
  )
  const rows = floorRows(answers).slice(0, FIRST_SCREEN)
  const items = rows.map((row) => escape(row.label))
  root.innerHTML =
    params.get('kind') === 'list'
      ? `<main><section aria-labelledby="timeline-heading"><h2 id="timeline-heading">History</h2><ol>${items.map((label) => `<li>${label}</li>`).join('')}</ol></section></main>`
      : `<main><table><tbody>${items.map((label) => `<tr><th scope="row">${label}</th></tr>`).join('')}</tbody></table></main>`
}

void show()
