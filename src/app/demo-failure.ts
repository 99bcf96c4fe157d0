/** What a browser that refused the demo's service worker shows instead of the app. */
export function showDemoFailure(root: HTMLElement, failure: string): void {
  root.textContent = ''
  const box = document.createElement('div')
  box.setAttribute('role', 'alert')
  box.style.cssText = 'max-width:40rem;margin:3rem auto;font-family:system-ui;padding:1rem'
  const title = document.createElement('h1')
  title.textContent = 'Shiplog could not start its demo data'
  const detail = document.createElement('p')
  detail.textContent = `The demo runs in a service worker, which this browser refused: ${failure}. Open Shiplog at http://localhost or over https, allow service workers, or start it in live mode with KOSLI_HOST.`
  box.append(title, detail)
  root.append(box)
}
